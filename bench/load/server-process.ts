import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The reference backend as its own process, started the way `npm start` starts it (server/main.ts with its
 * environment variables), so load lands on a server that does not share an event loop with the clients, and a
 * test can kill it with SIGKILL as a crash or an out-of-memory kill would.
 */
export interface ServerProcess {
  /** e.g. `http://127.0.0.1:43121/api/v1` */
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number;
  /** What the process wrote to stderr so far (for failure messages). */
  readonly stderr: () => string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ServerProcessOptions {
  /** PGlite's files (and outgoing mail) go here; ignored for storage when `databaseUrl` is given. */
  dataDir: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string | undefined;
  /** Demo relations to seed when the database is empty. */
  relations: number;
  /** How long the first start (migrations and seed) may take. */
  timeoutMs?: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The line server/main.ts prints once it listens. */
const ready = /relation-elements demo on (http:\/\/[^\s/]+)\//;

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, SEED_RELATIONS: String(options.relations) };
  // Only what the caller asks for: a DATABASE_URL or SMTP_URL of the shell would send load or mail elsewhere.
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not listen within ${options.timeoutMs ?? 120_000} ms`), options.timeoutMs ?? 120_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the server process ${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it listened`));
  });
  return processHandle(child, origin, exited, () => stderr);
}

function processHandle(child: ChildProcess, origin: string, exited: Promise<void>, stderr: () => string): ServerProcess {
  return {
    baseUrl: `${origin}/api/v1`,
    port: Number(new URL(origin).port),
    pid: child.pid!,
    stderr,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

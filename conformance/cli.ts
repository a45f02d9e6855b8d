import { parseArgs } from 'node:util';
import { formatReport, runConformance, summarize } from './run.js';

const usage =
  'usage: npm run conformance -- --base-url URL --token T [--colleague-token T2] [--other-tenant-token T3] [--json]';

function parse(): { baseUrl: string; token: string; colleagueToken?: string; otherTenantToken?: string; json: boolean } | undefined {
  try {
    const { values, positionals } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'colleague-token': { type: 'string' },
        'other-tenant-token': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
    const baseUrl = values['base-url'];
    if (!baseUrl || !values.token || positionals.length || !URL.canParse(baseUrl)) return undefined;
    return {
      baseUrl,
      token: values.token,
      ...(values['colleague-token'] ? { colleagueToken: values['colleague-token'] } : {}),
      ...(values['other-tenant-token'] ? { otherTenantToken: values['other-tenant-token'] } : {}),
      json: values.json,
    };
  } catch {
    return undefined;
  }
}

const options = parse();
if (!options) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const report = await runConformance(options);
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
process.exitCode = summarize(report).failed === 0 ? 0 : 1;

import { operations, type OperationId } from '../src/contract/index.js';
import type { Check } from './check.js';
import { checks } from './checks/index.js';
import { cleanUp } from './cleanup.js';
import { RequestFailed } from './client.js';
import { RunContext, type ConformanceOptions } from './context.js';
import { CheckFailure, CheckSkipped, fail } from './expect.js';
import type { CheckResult, Report } from './report.js';

export type { ConformanceOptions } from './context.js';
export type { CheckResult, CheckStatus, Report } from './report.js';
export { formatReport, summarize, summaryLine } from './report.js';

const flags = { colleague: '--colleague-token', otherTenant: '--other-tenant-token' } as const;

/**
 * Runs every check of the contract against the backend at `options.baseUrl`, then removes (or archives) what
 * it created. Never throws for a backend's failings: they are in the report.
 */
export async function runConformance(options: ConformanceOptions): Promise<Report> {
  const started = Date.now();
  const ctx = new RunContext(options);
  const results: CheckResult[] = [await timed(tokensCheck, () => checkTokens(ctx))];
  // With tokens that are refused or mixed up, every other result would mislead: stop before writing anything.
  if (results[0]?.status === 'pass') {
    await ctx.readFeedHeads();
    for (const check of checks) results.push(await runCheck(ctx, check));
    results.push(coverage(ctx));
    results.push(await timed(cleanupCheck, async () => {
      const leftovers = await cleanUp(ctx.tracker, ctx.signedIn);
      if (leftovers.length) throw new CheckFailure(leftovers.join('\n'));
    }));
  }
  return {
    baseUrl: options.baseUrl,
    runId: ctx.runId,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    checks: results,
  };
}

const tokensCheck = {
  id: 'auth.tokens', area: 'Authentication', title: 'the tokens are accepted: a colleague in the same tenant, the other tenant another one',
} as const;
const cleanupCheck = {
  id: 'cleanup', area: 'Coverage and cleanup', title: 'everything the run created is deleted, or archived where still referenced',
} as const;

async function checkTokens(ctx: RunContext): Promise<void> {
  const me = await ctx.fixtures.me(ctx.main);
  if (ctx.has('colleague')) {
    const colleague = await ctx.fixtures.me(ctx.colleague);
    if (colleague.tenant.id !== me.tenant.id) fail(`--colleague-token is a user of tenant ${colleague.tenant.id}, --token of ${me.tenant.id}: they must share one`);
    if (colleague.id === me.id) fail(`--colleague-token and --token are both user ${me.id}: the colleague must be someone else`);
  }
  if (ctx.has('otherTenant')) {
    const other = await ctx.fixtures.me(ctx.otherTenant);
    if (other.tenant.id === me.tenant.id) fail(`--other-tenant-token is a user of tenant ${me.tenant.id}, the same as --token`);
  }
}

function runCheck(ctx: RunContext, check: Check): Promise<CheckResult> {
  const missing = (check.needs ?? []).filter((role) => !ctx.has(role));
  const described = { id: check.id, area: check.area, title: check.title };
  if (missing.length) {
    return Promise.resolve({ ...described, status: 'skip', message: `needs ${missing.map((role) => flags[role]).join(' and ')}`, durationMs: 0 });
  }
  return timed(described, () => check.run(ctx));
}

async function timed(described: Pick<CheckResult, 'id' | 'area' | 'title'>, run: () => Promise<void>): Promise<CheckResult> {
  const start = performance.now();
  const result = (status: CheckResult['status'], message?: string): CheckResult => ({
    ...described, status, ...(message === undefined ? {} : { message }), durationMs: Math.round(performance.now() - start),
  });
  try {
    await run();
    return result('pass');
  } catch (error) {
    if (error instanceof CheckSkipped) return result('skip', error.message);
    if (error instanceof CheckFailure || error instanceof RequestFailed) return result('fail', error.message);
    // Anything else is the kit tripping over an answer it did not foresee: still this check's failure.
    return result('fail', `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** Every operation of the table answered its success status at least once during the run. */
function coverage(ctx: RunContext): CheckResult {
  const missing = (Object.keys(operations) as OperationId[]).filter((id) => !ctx.tracker.answered.has(id) && !ctx.tracker.notOffered.has(id));
  const described = {
    id: 'coverage', area: 'Coverage and cleanup',
    title: `every operation of the contract (${Object.keys(operations).length}) answered its success status at least once, optional ones unless not offered`,
  } as const;
  const notOffered = [...ctx.tracker.notOffered];
  if (missing.length) return { ...described, status: 'fail', message: `never answered with success: ${missing.join(', ')}`, durationMs: 0 };
  return { ...described, status: 'pass', ...(notOffered.length ? { message: `not offered (optional): ${notOffered.join(', ')}` } : {}), durationMs: 0 };
}

import { areas, type Area } from './check.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  readonly id: string;
  readonly area: Area;
  readonly title: string;
  readonly status: CheckStatus;
  /** Why it failed or was skipped: operation, method and path, expected and actual, JSON path of a violation. */
  readonly message?: string;
  readonly durationMs: number;
}

export interface Report {
  readonly baseUrl: string;
  /** Part of the name of everything the run created. */
  readonly runId: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly checks: readonly CheckResult[];
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

export function summarize(report: Report): Summary {
  const count = (status: CheckStatus) => report.checks.filter((check) => check.status === status).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

const marks: Record<CheckStatus, string> = { pass: '✓', fail: '✗', skip: '-' };

/** `42 passed, 1 failed, 3 skipped`: the line a CI log is searched for. */
export function summaryLine(report: Report): string {
  const { passed, failed, skipped } = summarize(report);
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** The report for a terminal: grouped by area, failures and skips explained beneath their check. */
export function formatReport(report: Report): string {
  const lines = [`Conformance of ${report.baseUrl} (run ${report.runId}, ${report.startedAt})`];
  for (const area of areas) {
    const results = report.checks.filter((check) => check.area === area);
    if (results.length === 0) continue;
    lines.push('', area);
    for (const result of results) {
      lines.push(`  ${marks[result.status]} ${result.title}  [${result.id}]`);
      const message = result.status === 'skip' ? `skipped: ${result.message ?? ''}` : result.message;
      if (result.status !== 'pass' && message) lines.push(...message.split('\n').map((line) => `      ${line}`));
    }
  }
  lines.push('', `${summaryLine(report)} in ${(report.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

import type { RunContext } from './context.js';

/** The areas of the contract, in the order the report lists them. */
export const areas = [
  'Authentication',
  'Operations',
  'Errors and languages',
  'Concurrency',
  'Idempotency',
  'Pagination',
  'Change feed',
  'Relations',
  'Privacy',
  'History',
  'Notifications',
  'Tenant isolation',
  'Coverage and cleanup',
] as const;

export type Area = (typeof areas)[number];

/** One requirement of the contract, checked against a live backend. */
export interface Check {
  /** Stable, for scripts that read `--json`: `area.what` or `operation.<operationId>`. */
  readonly id: string;
  readonly area: Area;
  readonly title: string;
  /** Identities beyond the main user; without them the check is skipped. */
  readonly needs?: readonly ('colleague' | 'otherTenant')[];
  /** Resolves when the backend conforms; throws CheckFailure (or CheckSkipped) when not. */
  run(ctx: RunContext): Promise<void>;
}

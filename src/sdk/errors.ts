import type { FieldError, OperationId, Problem } from '../contract/index.js';

/** The backend answered with an error: its problem details (RFC 9457), typed, with the field errors. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly operationId: OperationId,
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${operationId}: ${status} ${problem.title}${problem.detail ? ` (${problem.detail})` : ''}`);
  }

  /** The invalid fields, each with its path (`organization.vatNumber`), rule code and message. */
  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  /** On 412: the resource as the server has it now, to show the user next to what they typed. */
  get current(): unknown {
    return this.problem.current;
  }
}

/** The backend answered outside the contract: a bug in the backend, named by operation and field. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly operationId: OperationId,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    const first = issues[0];
    super(
      `${operationId}: the response breaks the contract at ${first ? first.path.map(String).join('.') || '(root)' : '(root)'}: ` +
        `${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    );
  }
}

/** The request did not get an answer: offline, DNS, connection reset, or timed out. Safe to try again later. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly operationId: OperationId,
    override readonly cause: unknown,
  ) {
    super(`${operationId}: no answer from the backend (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

import { ChangePage } from '../contract/index.js';
import { shapeCheck, type ShapeCheck } from '../contract/shape.js';
import { ContractError } from './errors.js';
import type { ResponseOf } from './types.js';

/**
 * The change feed is checked by shape (every field there and of its type), not parsed in full: a first sync
 * receives every entity of the tenant, 100,000 relations and their addresses, and a full parse of each with
 * its formats and rules took a third of the sync's time in the browser. The backend checked each entity in
 * full when it was written; a broken shape still fails as a ContractError naming the field. Every other
 * answer is parsed in full. Built on first use.
 */
let feedShape: ShapeCheck | undefined;

/** A page of the change feed from its JSON, checked by shape; a broken one fails as a ContractError. */
export function readChangePage(json: string): ResponseOf<'listChanges'> {
  const body: unknown = JSON.parse(json);
  feedShape ??= shapeCheck(ChangePage);
  const issue = feedShape(body);
  if (issue) throw new ContractError('listChanges', [issue]);
  return body as ResponseOf<'listChanges'>;
}

import type { Label } from './schemas/label.js';
import { foldText } from './relation-search.js';

/**
 * The order labels are listed in, by the backend (`listLabels`) and by the cache alike: by name as search
 * folds it (case and accents aside: "Ärger" between "apple" and "Zebra"), then as written, then by id. Not
 * `localeCompare`: a page's first comparison through the ICU collator costs tens of milliseconds, on the
 * overview's first paint.
 */
export function compareLabels(a: Pick<Label, 'id' | 'name'>, b: Pick<Label, 'id' | 'name'>): number {
  const [foldedA, foldedB] = [foldText(a.name), foldText(b.name)];
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

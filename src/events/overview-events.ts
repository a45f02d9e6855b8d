/** The user opens a relation (Enter, double click, or its name). Cancelable: a host may veto it. */
export type RelationOpenEvent = CustomEvent<{ id: string }>;
/** The selection changed; `allMatching` when the user chose every relation the filters match. */
export type RelationSelectionChangeEvent = CustomEvent<{ ids: string[]; allMatching: boolean }>;
/** The labels to filter on changed. */
export type LabelFilterChangeEvent = CustomEvent<{ labelIds: string[]; mode: 'all' | 'any' }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'relation-open': RelationOpenEvent;
    'relation-selection-change': RelationSelectionChangeEvent;
    'label-filter-change': LabelFilterChangeEvent;
  }
}

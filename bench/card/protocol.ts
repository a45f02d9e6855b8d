/**
 * What the card benchmark's page (`page.ts`) and its Node driver (`run.ts`) exchange. Every time is
 * milliseconds of the page's `performance.now()`, counted from the click handler; the page measures, the
 * driver judges.
 */
import type { Relation } from '../../src/contract/index.js';

/** Handed to the page in its HTML, so the page needs no query string and no hard-coded address. */
export interface PageConfig {
  /** Absolute base URL of the API for the provider (the warm, synced store). */
  baseUrl: string;
  /**
   * Absolute base URL of the same API under another path, for the network-only store: a different base URL
   * is a different cache partition, so that store starts empty and (never synced) stays so.
   */
  freshBaseUrl: string;
  token: string;
}

/** The two ways the card is opened. */
export type OpenKind = 'cached' | 'network';

/** A row the page lists as a button; a click on it opens the card of `relation` in the card of `kind`. */
export interface Row {
  kind: OpenKind;
  /** The relation as the backend serves it: what the card must show (heading and details). */
  relation: Relation;
}

/** One open of the card, from the click to the first frame that shows the relation. */
export interface OpenResult {
  kind: OpenKind;
  id: string;
  /** From the click handler to the task right after the frame that painted the heading and filled details. */
  painted: number;
  /** From the click handler to the animation frame callback that first found them in the DOM (before its paint). */
  shown: number;
  /** From the click handler to the first frame callback that found the heading (with or without the details). */
  heading: number;
  /** From the click handler to the store answering the card's read with the relation (`loadRelation`, `getRelation`). */
  data: number | null;
  /** From the click handler to `client.getRelation` answering (network opens): the relation off the wire, validated. */
  received: number | null;
  /** From the input event's timestamp to the click handler: the browser's own input delay (not in `painted`). */
  inputDelay: number;
  /** Animation frames polled until the relation showed. */
  frames: number;
  /** How the card's data calls went: cache hits, cache misses and calls of `client.getRelation`. */
  calls: { cacheHit: number; cacheMiss: number; network: number };
  /** Inputs of the card whose value was checked against the relation (at least the details fields). */
  fieldsChecked: number;
  /** What the card showed meanwhile, frame by frame: the texts of its state line (loading, not found), once each. */
  interim: string[];
}

/** A request the Node server saw while an open ran. */
export interface SeenRequest {
  method: string;
  path: string;
  status: number;
  ms: number;
}

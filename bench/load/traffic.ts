import type { Request, RequestParams } from 'autocannon';
import type { LabelBulk, Relation, RelationCreate, RelationPatch } from '../../src/contract/index.js';
import { seededRandom } from '../stats.js';

/*
 * The mixed traffic of the load benchmark, as autocannon requests built one at a time: 70 % reads (list and
 * get), 30 % writes (create, update, bulk label), each with the contract's shapes and headers, as the SDK
 * sends them. A ledger keeps what every write was answered, so the data can be checked against it afterwards.
 */

export const kinds = ['list', 'get', 'create', 'update', 'bulk label'] as const;
export type Kind = (typeof kinds)[number];
/** Percent of requests per kind. */
export const mix: Record<Kind, number> = { list: 35, get: 35, create: 10, update: 10, 'bulk label': 10 };

/** Relations updates pick from: few enough that two connections sometimes edit the same one at once. */
export const hotRelations = 100;
/** Relations per bulk label request: a page of a selection in the overview. */
export const bulkSize = 25;

/** A relation of the seed as it was before the run. */
export type Seeded = Pick<Relation, 'id' | 'version' | 'labelIds' | 'email'>;

export interface TrafficSetup {
  /** Every run's own names contain it, so its creates can be found (and told from another run's). */
  tag: string;
  relations: readonly Seeded[];
  /** Labels made for this run: bulk requests add them, one after another. */
  benchLabelIds: readonly string[];
  /** `listRelations` queries, e.g. `/relations?limit=50&sort=-updatedAt`, relative to the base path. */
  listPaths: readonly string[];
  /** `/api/v1` on the server(s) under load. */
  basePath: string;
}

type Write =
  | { kind: 'create'; name: string; body: RelationCreate }
  | { kind: 'update'; id: string; email: string }
  | { kind: 'bulk label'; ids: readonly string[]; labelId: string };

export interface KindFigures {
  /** Latencies of 2xx answers, ms. */
  latencies: number[];
  statuses: Map<number, number>;
}

/** What the server acknowledged, and what was still unanswered when the run ended (it may or may not be stored). */
export interface Ledger {
  /** Acknowledged creates by name, with the relation the server answered. */
  created: Map<string, Relation>;
  /** Per relation, the version and e-mail each acknowledged update answered with. */
  updated: Map<string, { version: number; email: string }[]>;
  /** Per relation, the labels acknowledged bulk requests added. */
  labelled: Map<string, Set<string>>;
  /** Sum of `updated` over acknowledged bulk answers, and of the relations they named. */
  bulkChanged: number;
  bulkNamed: number;
  unanswered: Write[];
}

const json = { 'Content-Type': 'application/json' };

export class Traffic {
  readonly figures = new Map<Kind, KindFigures>(kinds.map((kind) => [kind, { latencies: [], statuses: new Map() }]));
  readonly ledger: Ledger = { created: new Map(), updated: new Map(), labelled: new Map(), bulkChanged: 0, bulkNamed: 0, unanswered: [] };
  readonly #setup: TrafficSetup;
  readonly #random = seededRandom(11);
  /** The version each relation had in the last answer a client saw, as the store's cache would know it. */
  readonly #known = new Map<string, number>();
  readonly #pending = new Map<number, Write>();
  readonly #hot: readonly Seeded[];
  readonly #chunks: string[][] = [];
  #sequence = 0;
  #creates = 0;
  #bulks = 0;
  /** The request whose answer arrived last: autocannon reports its latency right after `onResponse`. */
  #answered: { kind: Kind; status: number } | undefined;

  constructor(setup: TrafficSetup) {
    this.#setup = setup;
    for (const relation of setup.relations) this.#known.set(relation.id, relation.version);
    // Updates and bulk labels touch different relations: a bulk change bumps versions the updating clients do
    // not hear of (the store would, from the change feed), and every update would then fail once with 412.
    this.#hot = setup.relations.slice(0, hotRelations);
    const labelled = setup.relations.slice(hotRelations);
    for (let i = 0; i + bulkSize <= labelled.length; i += bulkSize) {
      this.#chunks.push(labelled.slice(i, i + bulkSize).map((relation) => relation.id));
    }
    if (this.#chunks.length === 0) throw new Error(`the load benchmark needs at least ${hotRelations + bulkSize} relations`);
  }

  /** The one autocannon request, which becomes a different one of the mix each time. */
  request(): Request {
    return {
      // Host and port come from autocannon's own request; method, path, headers and body from the mix.
      setupRequest: (request, context) => ({ ...request, ...this.#next(context) }),
      onResponse: (status, body, context, headers) => this.#answer(status, body, context, headers),
    };
  }

  /** Called on autocannon's `response` event: the latency of the answer `onResponse` just saw. */
  recordLatency(ms: number): void {
    const answered = this.#answered;
    if (!answered) return;
    const figures = this.figures.get(answered.kind)!;
    figures.statuses.set(answered.status, (figures.statuses.get(answered.status) ?? 0) + 1);
    if (answered.status >= 200 && answered.status < 300) figures.latencies.push(ms);
    this.#answered = undefined;
  }

  /** Writes sent but never answered (cut off by the end of the run, or timed out): each may or may not be stored. */
  finish(): Ledger {
    this.ledger.unanswered = [...this.#pending.values()];
    return this.ledger;
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)]!;
  }

  #kind(): Kind {
    let roll = this.#random() * 100;
    for (const kind of kinds) {
      roll -= mix[kind];
      if (roll < 0) return kind;
    }
    return 'list';
  }

  #next(context: Record<string, unknown>): RequestParams {
    const kind = this.#kind();
    const sequence = ++this.#sequence;
    context.kind = kind;
    context.sequence = sequence;
    const headers = { Authorization: 'Bearer demo-anna' };
    const base = this.#setup.basePath;
    const tag = this.#setup.tag;
    switch (kind) {
      case 'list':
        return { method: 'GET', path: `${base}${this.#pick(this.#setup.listPaths)}`, headers };
      case 'get':
        return { method: 'GET', path: `${base}/relations/${this.#pick(this.#setup.relations).id}`, headers };
      case 'create': {
        const n = ++this.#creates;
        const name = `Loadbench ${tag} ${n}`;
        const email = `c${n}.${tag}@loadbench.example`;
        const body: RelationCreate = n % 2
          ? { kind: 'organization', organization: { name }, email }
          : { kind: 'person', person: { initials: 'L.', lastName: name }, email, status: 'lead' };
        this.#pending.set(sequence, { kind, name, body });
        return { method: 'POST', path: `${base}/relations`, headers: { ...headers, ...json, 'Idempotency-Key': `${tag}-create-${n}` }, body: JSON.stringify(body) };
      }
      case 'update': {
        const { id } = this.#pick(this.#hot);
        const email = `u${sequence}.${tag}@loadbench.example`;
        const body: RelationPatch = { email };
        this.#pending.set(sequence, { kind, id, email });
        return { method: 'PATCH', path: `${base}/relations/${id}`, headers: { ...headers, ...json, 'If-Match': `"${this.#known.get(id)}"` }, body: JSON.stringify(body) };
      }
      case 'bulk label': {
        // Chunk after chunk, each round of the whole seed with the next label: every request changes its relations.
        const round = Math.floor(this.#bulks / this.#chunks.length);
        const ids = this.#chunks[this.#bulks % this.#chunks.length]!;
        const labelId = this.#setup.benchLabelIds[round % this.#setup.benchLabelIds.length]!;
        const body: LabelBulk = { relationIds: ids, addLabelIds: [labelId] };
        this.#pending.set(sequence, { kind, ids, labelId });
        return {
          method: 'POST', path: `${base}/relations/labels`,
          headers: { ...headers, ...json, 'Idempotency-Key': `${tag}-bulk-${++this.#bulks}` }, body: JSON.stringify(body),
        };
      }
    }
  }

  #answer(status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>): void {
    const kind = context.kind as Kind;
    this.#answered = { kind, status };
    const write = this.#pending.get(context.sequence as number);
    if (!write) return;
    this.#pending.delete(context.sequence as number);
    const ok = status >= 200 && status < 300;
    if (write.kind === 'create' && ok) {
      this.ledger.created.set(write.name, JSON.parse(body) as Relation);
    } else if (write.kind === 'update') {
      if (ok) {
        const { version } = JSON.parse(body) as Relation;
        this.#known.set(write.id, Math.max(version, this.#known.get(write.id) ?? 0));
        this.ledger.updated.set(write.id, [...(this.ledger.updated.get(write.id) ?? []), { version, email: write.email }]);
      } else if (status === 412) {
        // A colleague was first: the answer's ETag names the current version, which the next edit uses.
        const etag = Object.entries(headers).find(([name]) => name.toLowerCase() === 'etag')?.[1];
        const current = Number(/\d+/.exec(String(etag))?.[0]);
        if (current) this.#known.set(write.id, Math.max(current, this.#known.get(write.id) ?? 0));
      }
    } else if (write.kind === 'bulk label' && ok) {
      this.ledger.bulkChanged += (JSON.parse(body) as { updated: number }).updated;
      this.ledger.bulkNamed += write.ids.length;
      for (const id of write.ids) this.ledger.labelled.set(id, (this.ledger.labelled.get(id) ?? new Set()).add(write.labelId));
    }
  }
}

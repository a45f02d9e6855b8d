import type { FieldError, Locale } from '../src/contract/index.js';

/** An error the API answers with as problem+json (RFC 9457). Thrown anywhere below a route. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly title: string,
    readonly extra: { detail?: string; errors?: FieldError[]; current?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(extra.detail ?? title);
  }
}

type Phrases = Record<'notFound' | 'forbidden' | 'unauthorized' | 'validation' | 'malformed' | 'mediaType' | 'tooLarge' |
  'preconditionRequired' | 'preconditionFailed' | 'conflict' | 'keyReused' | 'internal' | 'gone', string>;

/** Titles in the user's language; `type` URIs stay the same in every language, for code to route on. */
const titles: Record<Locale, Phrases> = {
  nl: {
    notFound: 'Niet gevonden',
    forbidden: 'Geen toegang',
    unauthorized: 'Niet aangemeld',
    validation: 'Enkele velden zijn niet goed ingevuld',
    malformed: 'Het verzoek is onleesbaar',
    mediaType: 'Stuur JSON (application/json)',
    tooLarge: 'Het verzoek is te groot',
    preconditionRequired: 'If-Match ontbreekt',
    preconditionFailed: 'Iemand anders heeft dit intussen gewijzigd',
    conflict: 'Dit botst met bestaande gegevens',
    keyReused: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek',
    internal: 'Er ging iets mis op de server',
    gone: 'Deze cursor is verlopen; synchroniseer opnieuw',
  },
  en: {
    notFound: 'Not found',
    forbidden: 'Forbidden',
    unauthorized: 'Not signed in',
    validation: 'Some fields are not filled in correctly',
    malformed: 'The request cannot be read',
    mediaType: 'Send JSON (application/json)',
    tooLarge: 'The request is too large',
    preconditionRequired: 'If-Match is missing',
    preconditionFailed: 'Someone else changed this in the meantime',
    conflict: 'This conflicts with existing data',
    keyReused: 'This Idempotency-Key was already used for another request',
    internal: 'Something went wrong on the server',
    gone: 'This cursor has expired; sync again from the start',
  },
};

export type ProblemKind = keyof Phrases;

const statuses: Record<ProblemKind, number> = {
  notFound: 404,
  forbidden: 403,
  unauthorized: 401,
  validation: 422,
  malformed: 400,
  mediaType: 415,
  tooLarge: 413,
  preconditionRequired: 428,
  preconditionFailed: 412,
  conflict: 409,
  keyReused: 422,
  internal: 500,
  gone: 410,
};

/** Creates the error for `kind` in `locale`; `detail` says what exactly, in that language too. */
export function problem(kind: ProblemKind, locale: Locale, extra: ProblemError['extra'] = {}): ProblemError {
  return new ProblemError(kind, statuses[kind], titles[locale][kind], extra);
}

/** A stable URI per kind of problem, the same in every language, for clients to route on. */
export function problemType(kind: ProblemKind): string {
  return `https://relation-elements.dev/problems/${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The If-Match of `*`: any current version is the right one. */
export const anyVersion = -1;

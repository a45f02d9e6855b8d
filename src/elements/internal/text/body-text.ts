import { html, type TemplateResult } from 'lit';

/** A piece of a moment's text: plain text, or a link the user may follow. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/*
 * Bidirectional overrides and embeddings (U+202A–U+202E, U+2066–U+2069) can make a text read as something
 * else ("gnp.exe" shown as "exe.png"); nothing a person writes in a log needs them, so they are not shown.
 * Zero-width characters stay in the text but end a link, so a link cannot hide part of its address.
 */
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;
const linkPattern = /(?:https?:\/\/|mailto:)[^\s<>"'\u200b-\u200d\u2060\ufeff]+/gi;
const trailing = /[.,;:!?)\]}'"]+$/;
const allowed = new Set(['http:', 'https:', 'mailto:']);

/** The text as the log shows it: without the controls that reorder what is read. */
export function shownText(text: string): string {
  return text.replace(bidiControls, '');
}

/**
 * The text cut into plain parts and links: only `http:`, `https:` and `mailto:` addresses become links,
 * nothing else is interpreted (no markup, no other schemes).
 */
export function textParts(text: string): TextPart[] {
  const shown = shownText(text);
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of shown.matchAll(linkPattern)) {
    const candidate = match[0].replace(trailing, '');
    const start = match.index;
    let href: URL | undefined;
    try {
      href = new URL(candidate);
    } catch {
      href = undefined;
    }
    if (!href || !allowed.has(href.protocol)) continue;
    if (start > at) parts.push({ kind: 'text', text: shown.slice(at, start) });
    parts.push({ kind: 'link', text: candidate, href: href.href });
    at = start + candidate.length;
  }
  if (at < shown.length) parts.push({ kind: 'text', text: shown.slice(at) });
  return parts;
}

/** The parts as Lit templates: text stays text (line breaks kept by CSS), links open in a new tab. */
export function renderText(text: string): TemplateResult {
  return html`${textParts(text).map((part) =>
    part.kind === 'text' ? part.text : html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>`,
  )}`;
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes `body` under `heading` (a `## ` line) in a Markdown file, replacing only that section (up to the
 * next `## ` heading), so several benchmarks can each keep their own section of one document. A missing
 * file starts with `intro`.
 */
export function replaceSection(file: string, heading: string, body: string, intro: string): void {
  const section = `${heading}\n\n${body.trim()}\n`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `${intro.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  writeFileSync(file, `${before}\n\n${section}${after ? `\n${after}\n` : ''}`);
}

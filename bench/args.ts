/** Command-line options of the benchmark scripts: words, and `--name value`, `--name=value` or `--flag`. */
export function parseArgs(argv: readonly string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return { positional, flags };
}

/** A positive number option (a whole one unless `whole` is false), or `fallback` when it is absent. */
export function positive(flags: Map<string, string | true>, name: string, fallback: number, whole = true): number {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  const valid = whole ? Number.isSafeInteger(parsed) && parsed >= 1 : Number.isFinite(parsed) && parsed > 0;
  if (!valid) throw new Error(`--${name} needs a positive ${whole ? 'whole ' : ''}number, got ${String(value)}`);
  return parsed;
}

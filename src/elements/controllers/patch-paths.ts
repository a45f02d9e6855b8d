/** A merge patch as its leaf fields by dotted path: `{organization: {name}}` gives `organization.name`. */
export function leaves(value: unknown, prefix = ''): [path: string, value: unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    // `{}` asks for a role's number: a value of its own, not a group of fields.
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length === 0) return [[path, inner]];
    return leaves(inner, path);
  });
}

/** The value at a dotted path, or undefined. */
export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((inner, key) => (inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined), value);
}

/** A merge patch of the given leaf fields. */
export function patchOf(fields: Iterable<[path: string, value: unknown]>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [path, value] of fields) {
    const keys = path.split('.');
    let inner = patch;
    for (const key of keys.slice(0, -1)) inner = (inner[key] ??= {}) as Record<string, unknown>;
    inner[keys.at(-1)!] = value;
  }
  return patch;
}

/** Whether two field values are the same value (the server's `null` and a patch's absent value differ). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A random UUID v4; built from getRandomValues, which unlike randomUUID also works on plain-http intranets. */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids of entities created while the backend has not answered yet; replaced by the backend's id later. */
export const localIdPrefix = 'local-';

export const newLocalId = (): string => `${localIdPrefix}${uuid()}`;

export const isLocalId = (id: string): boolean => id.startsWith(localIdPrefix);

/** A Dutch postcode: four digits not starting with 0, then two letters other than SA, SD and SS. */
const pattern = /^([1-9]\d{3}) ?(?!SA|SD|SS)([A-Z]{2})$/;

export function isPostcode(input: string): boolean {
  return pattern.test(input.trim().toUpperCase());
}

/** The postcode as it is printed on letters, `1234 AB`; input that is no postcode comes back trimmed. */
export function normalizePostcode(input: string): string {
  const trimmed = input.trim().toUpperCase();
  const match = pattern.exec(trimmed);
  return match ? `${match[1]} ${match[2]}` : input.trim();
}

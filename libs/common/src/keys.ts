/**
 * Inventory keys, written once. An organisation key is lower-case; every other entity has a key
 * local to its organisation; the graph stores `<organisation>:<local>` (fields:
 * `<organisation>:<dataset>/<field name>`). Patterns are given as source text (for JSON Schema and
 * class-validator) and as anchored regular expressions.
 */
export const ORGANISATION_KEY_SOURCE = '[a-z0-9][a-z0-9._-]{0,63}';
export const LOCAL_KEY_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,127}';
/** A connection reference: the name of the environment variable holding a source's connection secret. */
export const CONNECTION_REF_SOURCE = '[A-Z_][A-Z0-9_]{0,127}';
/** A field's name inside its dataset key: any characters, at most 256, not only white space. */
export const FIELD_NAME_SOURCE = '(?=.{0,255}\\S).{1,256}';

export const ORGANISATION_KEY_PATTERN = new RegExp(`^${ORGANISATION_KEY_SOURCE}$`);
export const LOCAL_KEY_PATTERN = new RegExp(`^${LOCAL_KEY_SOURCE}$`);
export const CONNECTION_REF_PATTERN = new RegExp(`^${CONNECTION_REF_SOURCE}$`);
/** `<organisation>:<local>`. */
export const GRAPH_KEY_PATTERN = new RegExp(`^${ORGANISATION_KEY_SOURCE}:${LOCAL_KEY_SOURCE}$`);
/** `<dataset local key>/<field name>`, as the inventory format names a field. */
export const FIELD_REF_PATTERN = new RegExp(`^${LOCAL_KEY_SOURCE}/${FIELD_NAME_SOURCE}$`);
/** `<organisation>:<dataset local key>/<field name>`. */
export const FIELD_KEY_PATTERN = new RegExp(`^${ORGANISATION_KEY_SOURCE}:${LOCAL_KEY_SOURCE}/${FIELD_NAME_SOURCE}$`);

/** The graph key of an entity. */
export function graphKeyOf(organisation: string, local: string): string {
  return `${organisation}:${local}`;
}

/**
 * Splits `<organisation>:<local>`; null when the text has no organisation part. Used wherever a
 * caller may name an item by its local key or by its full key (CLI options, API arguments).
 */
export function splitGraphKey(key: string): { organisation: string; local: string } | null {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return null;
  return { organisation: key.slice(0, colon), local: key.slice(colon + 1) };
}

/**
 * A small JSON Schema validator for the keywords claimlens' schemas use: type, const, enum, required, properties,
 * additionalProperties, items, minItems, maxItems, minimum, maximum, oneOf, allOf and local $ref (`#/$defs/…`).
 * An unknown keyword is an error, so a schema cannot silently outgrow it.
 */
type Schema = Record<string, unknown>;

const known = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'oneOf',
  'allOf',
]);

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function check(root: Schema, schema: Schema, value: unknown, at: string, errors: string[]): void {
  for (const key of Object.keys(schema))
    if (!known.has(key)) throw new Error(`Unsupported schema keyword ${key} at ${at}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
    check(root, target, value, at, errors);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => is(t, value))) {
      errors.push(`${at}: expected ${types.join(' or ')}, not ${JSON.stringify(value)?.slice(0, 60)}`);
      return;
    }
  }
  if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum)
    errors.push(`${at}: below ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && typeof value === 'number' && value > schema.maximum)
    errors.push(`${at}: above ${schema.maximum}`);
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) check(root, s, value, at, errors);
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((s) => validateAt(root, s, value).length === 0).length;
    if (passing !== 1) errors.push(`${at}: matches ${passing} of oneOf, expected exactly 1`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) {
      for (const [i, v] of value.entries()) check(root, schema.items as Schema, v, `${at}[${i}]`, errors);
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in record)) errors.push(`${at}: missing "${key}"`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, v] of Object.entries(record)) {
      if (properties[key]) check(root, properties[key], v, `${at}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected "${key}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        check(root, schema.additionalProperties as Schema, v, `${at}.${key}`, errors);
      }
    }
  }
}

function validateAt(root: Schema, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, schema, value, '$', errors);
  return errors;
}

function is(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === type;
}

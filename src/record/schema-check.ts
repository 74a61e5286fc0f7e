/** A small JSON Schema checker for the subset docs/event.schema.json uses (type, required, properties, items, $ref, enum, oneOf, bounds). */

type Schema = Record<string, unknown>;

/** The problems of `value` against `schema` (empty when it conforms); `root` resolves `#/$defs/...` refs. */
export function schemaErrors(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((s, k) => (s as Schema)[k], root) as Schema;
    return schemaErrors(value, target, root, path);
  }
  if (Array.isArray(schema.oneOf)) {
    const ok = (schema.oneOf as Schema[]).filter((s) => !schemaErrors(value, s, root, path).length).length;
    return ok === 1 ? [] : [`${path}: matches ${ok} of oneOf`];
  }
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  const kind =
    value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length && !types.includes(kind) && !(kind === 'integer' && types.includes('number')))
    return [`${path}: ${kind} is not ${types.join('|')}`];
  const errs: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errs.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${path}: above maximum`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
    errs.push(`${path}: does not match ${schema.pattern}`);
  if (kind === 'array' && schema.items)
    (value as unknown[]).forEach((v, i) =>
      errs.push(...schemaErrors(v, schema.items as Schema, root, `${path}[${i}]`)),
    );
  if (kind === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of (schema.required ?? []) as string[]) if (!(k in obj)) errs.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...schemaErrors(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}: unexpected ${k}`);
    }
  }
  return errs;
}

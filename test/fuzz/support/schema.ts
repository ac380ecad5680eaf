/**
 * fast-check arbitraries from the JSON Schemas in the OpenAPI document: values that (mostly) fit a schema, and
 * bodies that provably do not (a required field missing, a type no coercion can turn into the right one, an unknown
 * field where none is allowed, a string over its maximum length, no object at all).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const aDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
// Text people type, in any script, without U+0000 and lone surrogates (a known 500: docs/RELIABILITY.md).
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("'s-Hertogenbosch", 'Súdwest-Fryslân', 'עברית', '😀👍🏽', '<script>alert(1)</script>', "'; drop table audit_log; --", '   ', 'a\nb\r\nc', '\u0001\u001f') },
);

/** A value that fits `s` (patterns and formats included), kept small. */
export function fitting(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const inner = fittingInner(s, depth);
  return s.nullable ? fc.oneof(inner, fc.constant(null)) : inner;
}

function fittingInner(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fitting(a, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const min = s.minLength ?? 0;
      let a: fc.Arbitrary<string>;
      if (s.format === 'date') a = aDate.map(iso);
      else if (s.format === 'date-time') a = aDate.map((d) => d.toISOString());
      else if (s.format === 'email') a = fc.emailAddress();
      else if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
      else a = text;
      // A too short text is padded (a name of at least 1 character); a too long one cut.
      return a.map((x) => (x.length < min ? x.padEnd(min, 'x') : s.maxLength !== undefined && x.length > s.maxLength ? x.slice(0, s.maxLength) : x));
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? -5;
      const hi = Math.min(s.maximum ?? lo + 1000, lo + 1000);
      return type === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.array(fitting(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object':
    case undefined: {
      if (s.type === undefined && !s.properties) return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
      if (depth > 3) return fc.constant({});
      const props = s.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fitting(v, depth + 1)])), { requiredKeys: s.required ?? [] });
      if (typeof s.additionalProperties === 'object') {
        return fc.tuple(record, fc.dictionary(fc.stringMatching(/^(PV2\d|GM0\d{3})$/), fitting(s.additionalProperties, depth + 1), { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a }));
      }
      return record;
    }
    default:
      return fc.constant(null);
  }
}

const types = (s: JsonSchema): Set<string> => {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return new Set(alternatives.flatMap((a) => [...types(a)]));
  if (s.enum) return new Set(s.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v)));
  if (s.type === undefined) return new Set(['any']);
  const t = Array.isArray(s.type) ? s.type : [s.type];
  return new Set([...t, ...(s.nullable ? ['null'] : [])]);
};

/**
 * A value of a type no coercion of Ajv (coerceTypes: true) turns into one `s` accepts, or null when every type is
 * accepted. Scalars become objects, arrays and objects become strings.
 */
function wrongValueFor(s: JsonSchema): unknown {
  const t = types(s);
  if (t.has('any')) return null;
  if (!t.has('object') && !t.has('array')) return { niet: 'goed' };
  if (!t.has('string') && !t.has('number') && !t.has('integer') && !t.has('boolean') && !t.has('null')) return 'geen object';
  return null;
}

export interface BadBody {
  body: unknown;
  how: string;
}

/** Bodies that `s` (an object schema) refuses, each with what is wrong. */
export function refused(s: JsonSchema): fc.Arbitrary<BadBody> {
  const base = fitting(s) as fc.Arbitrary<Record<string, unknown>>;
  const props = Object.entries(s.properties ?? {});
  const options: fc.Arbitrary<BadBody>[] = [
    fc.oneof(fc.array(fc.integer(), { maxLength: 3 }), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()).map((body) => ({ body, how: 'geen object' })),
  ];
  const required = s.required ?? [];
  if (required.length > 0) {
    options.push(fc.tuple(base, fc.constantFrom(...required)).map(([b, k]) => {
      const copy = { ...b };
      delete copy[k];
      return { body: copy, how: `zonder ${k}` };
    }));
  }
  const wrongable = props.filter(([, p]) => wrongValueFor(p) !== null);
  if (wrongable.length > 0) {
    options.push(fc.tuple(base, fc.constantFrom(...wrongable)).map(([b, [k, p]]) => ({ body: { ...b, [k]: wrongValueFor(p) }, how: `${k} van het verkeerde type` })));
  }
  if (s.additionalProperties === false) {
    options.push(fc.tuple(base, fc.constantFrom('onbekend', 'constructor', 'toString', 'isAdmin', 'version ')).map(([b, k]) => ({ body: { ...b, [k]: 1 }, how: `onbekend veld ${k}` })));
  }
  const bounded = props.filter(([, p]) => p.type === 'string' && p.maxLength !== undefined && !p.enum && !p.pattern && !p.format);
  if (bounded.length > 0) {
    options.push(fc.tuple(base, fc.constantFrom(...bounded)).map(([b, [k, p]]) => ({ body: { ...b, [k]: 'x'.repeat(p.maxLength! + 1) }, how: `${k} te lang` })));
  }
  return fc.oneof(...options);
}

/** Whether `s` is free text: a string without enum, pattern or format (names, reasons, titles). */
const isFreeText = (s: JsonSchema) => s.type === 'string' && !s.enum && !s.pattern && !s.format && s.const === undefined;

/**
 * The value with every free-text string in it (as `s` describes it) replaced by `f(old)`.
 * `mapFreeText({ type: 'object', properties: { name: { type: 'string' } } }, { name: 'a' }, () => ' ')` → `{ name: ' ' }`
 */
export function mapFreeText(s: JsonSchema, value: unknown, f: (old: string) => string): unknown {
  if (typeof value === 'string') return isFreeText(s) ? f(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapFreeText(s.items ?? {}, v, f));
  if (value !== null && typeof value === 'object') {
    const alternatives = s.anyOf ?? s.oneOf;
    const objectSchema = alternatives?.find((a) => a.type === 'object') ?? s;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapFreeText(objectSchema.properties?.[k] ?? (typeof objectSchema.additionalProperties === 'object' ? objectSchema.additionalProperties : {}), v, f)]),
    );
  }
  return value;
}

/** Every string anywhere in a value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

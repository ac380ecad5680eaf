/**
 * Two rules for every text a client sends, enforced once here instead of in each route:
 * - a required text (a schema string with minLength ≥ 1) must hold more than spaces: such a string passes
 *   `minLength` but is empty once trimmed, and then broke the tables' checks with a 500;
 * - no text may hold U+0000 (PostgreSQL cannot store it) or a lone UTF-16 surrogate (not valid Unicode; JSON allows
 *   it as an escape), which reached the database driver and answered 500.
 * Both answer 400 naming the field, after the policy has spoken (the hook is registered after the auth hooks). The
 * text of an uploaded file (a top-level `content` string) is the exception: its parser refuses such characters naming
 * the line and field, which says more.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

/** The pattern added to required texts; errors.ts gives it a Dutch reason of its own. */
export const NOT_BLANK = '\\S';

type Schema = Record<string, unknown>;

function markRequiredTexts(schema: unknown, seen = new Set<unknown>()): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Schema;
  if (s.type === 'string' && typeof s.minLength === 'number' && s.minLength >= 1 && s.pattern === undefined && s.format === undefined && s.enum === undefined && s.const === undefined) {
    s.pattern = NOT_BLANK;
  }
  for (const value of Object.values(s)) {
    if (Array.isArray(value)) for (const v of value) markRequiredTexts(v, seen);
    else markRequiredTexts(value, seen);
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in `value` that holds U+0000 or a lone surrogate, e.g. 'items.2.name'; null if none. */
export function badTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key) || key.includes('\u0000')) return path || 'body';
    // A file's text (`content` of an upload) is left to its parser, which names the line and column of a bad character.
    if (path === '' && key === 'content' && typeof v === 'string') continue;
    const found = badTextPath(v, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

export function registerTextInputChecks(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Schema | undefined;
    if (schema?.body) markRequiredTexts(schema.body);
    if (schema?.querystring) markRequiredTexts(schema.querystring);
  });
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['body', request.body], ['query', request.query]] as const) {
      const field = badTextPath(value);
      if (field !== null) {
        const name = part === 'body' ? field : `query.${field}`;
        throw badRequest('tekst-ongeldig', `${name} bevat een teken dat niet in tekst mag staan (een nulteken of een losse surrogaathelft).`, [
          { name, code: 'tekst-ongeldig', reason: 'ongeldig teken' },
        ]);
      }
    }
  });
}

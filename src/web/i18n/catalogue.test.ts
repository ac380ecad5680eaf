/**
 * Every message catalogue of the web app, found on disk rather than listed by hand, so a new feature cannot leave
 * its English out of the comparison: the app catalogue (nl.ts + en.ts), each feature's messages.ts (any module
 * that exports `nl` must export `en`) and the menu labels (`*_NAV_LABEL = { nl, en }`) kept apart in nav.ts files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Shape of a catalogue: keys, kinds, array lengths and function arities (the compiler checks keys, not lengths). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

/** Every text of a catalogue with its key path; functions are called with sample values so their results count. */
function texts(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (typeof value === 'function') {
    const samples = Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 'X' : 1));
    try {
      const result: unknown = (value as (...args: unknown[]) => unknown)(...samples);
      return typeof result === 'string' ? [[`${at}()`, result]] : [];
    } catch {
      // A function that needs values of another kind (a list, a record) is covered by the shape comparison.
      return [];
    }
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
  return [];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const files = sourceFiles(WEB);
const rel = (file: string) => path.relative(WEB, file);
/** Modules that declare a Dutch catalogue (`export const nl`); en.ts holds the app's English counterpart. */
const catalogueFiles = files.filter((f) => /^export const nl\b/m.test(fs.readFileSync(f, 'utf8')) && !f.endsWith(`${path.sep}i18n${path.sep}nl.ts`));
const navLabels = files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^export const (\w+_NAV_LABEL)\b/gm)].map((m) => [f, m[1]!] as const));

describe('message catalogues', () => {
  it('finds the app catalogue, every feature messages.ts and the menu labels', () => {
    const messageFiles = files.filter((f) => path.basename(f) === 'messages.ts').map(rel);
    expect(catalogueFiles.map(rel)).toEqual(expect.arrayContaining(messageFiles));
    expect(messageFiles.length).toBeGreaterThanOrEqual(7);
    expect(navLabels.length).toBeGreaterThanOrEqual(7);
  });

  it('app catalogue: English has exactly the Dutch keys, lists of the same length and functions with the same parameters, and no empty texts', () => {
    expect(shape(en)).toEqual(shape(nl));
    expect([...texts(nl), ...texts(en)].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(catalogueFiles.map((f) => [rel(f), f]))('%s: English has the Dutch shape and no text is empty', async (_name, file) => {
    const mod = (await import(file)) as { nl?: unknown; en?: unknown };
    expect(mod.nl, 'exports nl').toBeTypeOf('object');
    expect(mod.en, 'exports en').toBeTypeOf('object');
    expect(shape(mod.en)).toEqual(shape(mod.nl));
    expect([...texts(mod.nl), ...texts(mod.en)].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(navLabels.map(([f, name]) => [`${rel(f)} ${name}`, f, name]))('%s: a Dutch and an English label', async (_name, file, name) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const label = mod[name] as Record<string, unknown>;
    expect(Object.keys(label).sort()).toEqual(['en', 'nl']);
    expect(typeof label.nl === 'string' && label.nl.trim() !== '').toBe(true);
    expect(typeof label.en === 'string' && label.en.trim() !== '').toBe(true);
  });
});

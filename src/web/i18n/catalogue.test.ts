import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';

/** Shape of a catalogue: keys, kinds, array lengths and function arities (the compiler checks keys, not lengths). */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

describe('message catalogues', () => {
  it('English has exactly the Dutch keys, lists of the same length and functions with the same parameters', () => {
    expect(shape(en)).toEqual(shape(nl));
  });

  it('has no empty texts', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    expect([...texts(nl), ...texts(en)].filter((text) => text.trim() === '')).toEqual([]);
  });
});

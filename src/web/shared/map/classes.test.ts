import { describe, expect, it } from 'vitest';
import { classIndex, countByClass, nextArea, TONES } from './classes.ts';

describe('choropleth classes', () => {
  it('puts a value on a break into the class above it', () => {
    const breaks = [0.25, 0.5, 1];
    expect([-3, 0, 0.25, 0.3, 0.5, 0.99, 1, 40].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(classIndex(5, [])).toBe(0);
  });

  it('counts areas per class, zero for a class without areas', () => {
    expect(countByClass(['a', 'b', 'c'], [{ classKey: 'a' }, { classKey: 'c' }, { classKey: 'a' }])).toEqual({ a: 2, b: 0, c: 1 });
  });

  it('moves the focus with the arrow keys, round, and jumps with Home and End', () => {
    const order = ['GM1', 'GM2', 'GM3'];
    expect(nextArea(order, 'GM1', 'ArrowRight')).toBe('GM2');
    expect(nextArea(order, 'GM3', 'ArrowDown')).toBe('GM1');
    expect(nextArea(order, 'GM1', 'ArrowLeft')).toBe('GM3');
    expect(nextArea(order, 'GM2', 'ArrowUp')).toBe('GM1');
    expect(nextArea(order, 'GM2', 'Home')).toBe('GM1');
    expect(nextArea(order, 'GM1', 'End')).toBe('GM3');
    expect(nextArea(order, 'GM1', 'Tab')).toBeNull();
    expect(nextArea([], 'GM1', 'ArrowRight')).toBeNull();
  });

  it('gives every tone its own pattern, so no two classes differ by colour alone', () => {
    const patterns = Object.values(TONES).map((s) => s.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

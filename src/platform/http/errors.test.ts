import { describe, expect, it } from 'vitest';
import { AppError, checkedBy } from './errors.ts';

class RuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

describe('checkedBy', () => {
  it('turns a domain error into a 400 problem naming the field, and lets other errors through', () => {
    const e = (() => {
      try {
        return checkedBy([RuleError], () => {
          throw new RuleError('te-laat', 'De termijn is verstreken.', 'deadline');
        });
      } catch (x) {
        return x;
      }
    })() as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.status).toBe(400);
    expect(e.invalidParams).toEqual([{ name: 'deadline', code: 'te-laat', reason: 'De termijn is verstreken.' }]);
    expect(() => checkedBy([RuleError], () => { throw new TypeError('stuk'); })).toThrow(TypeError);
    expect(checkedBy([RuleError], () => 42)).toBe(42);
  });
});

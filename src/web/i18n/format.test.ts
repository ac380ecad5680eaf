import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format.ts';

describe('web formatting', () => {
  it('groups thousands the Dutch way in Dutch and the English way in English', () => {
    expect(formatNumber(13500, 'nl')).toBe('13.500');
    expect(formatNumber(2952622, 'nl')).toBe('2.952.622');
    expect(formatNumber(13500, 'en')).toBe('13,500');
  });

  it('writes dates as people do, without shifting a day', () => {
    expect(formatDate('2022-07-08', 'nl')).toBe('8 juli 2022');
    expect(formatDate('2021-01-01', 'nl')).toBe('1 januari 2021');
    expect(formatDate('2022-07-08', 'en')).toBe('8 July 2022');
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDate('onbekend', 'nl')).toBe('onbekend');
  });
});

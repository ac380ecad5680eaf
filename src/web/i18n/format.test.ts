import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

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

  it('writes a moment in Dutch time, also in winter and summer', () => {
    expect(formatDateTime('2022-07-08T12:03:00.000Z', 'nl')).toBe('8 juli 2022 14:03');
    expect(formatDateTime('2022-01-08T12:03:00.000Z', 'nl')).toBe('8 januari 2022 13:03');
    expect(formatDateTime('2022-07-08T12:03:00.000Z', 'en')).toBe('8 July 2022 14:03');
  });
});

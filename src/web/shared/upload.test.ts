import { describe, expect, it } from 'vitest';
import { lineError, toBase64, uploadFormat } from './upload.ts';

describe('upload', () => {
  it('knows CSV and Excel by the file name', () => {
    expect(uploadFormat('projecten.csv')).toBe('csv');
    expect(uploadFormat('Pijplijn 2022.XLSX')).toBe('xlsx');
    expect(uploadFormat('oud.xls')).toBeNull();
    expect(uploadFormat('geen-extensie')).toBeNull();
    expect(uploadFormat('bezetting.txt')).toBe('csv');
  });
  it('encodes bytes as base64, also beyond one chunk', () => {
    expect(toBase64(new TextEncoder().encode('spoor;projectcode'))).toBe(Buffer.from('spoor;projectcode').toString('base64'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
  it('splits the server’s line errors into line, field and message', () => {
    expect(lineError({ name: 'regel 2: gemeente', code: 'ongeldige-regel', reason: 'regel 2, gemeente: Rotterdam (GM0599) valt buiten uw bereik.', line: 2 })).toEqual({
      line: 2,
      field: 'gemeente',
      message: 'Rotterdam (GM0599) valt buiten uw bereik.',
    });
    expect(lineError({ name: 'bestand', code: 'leeg', reason: 'Het bestand is leeg.' })).toEqual({ line: null, field: 'bestand', message: 'Het bestand is leeg.' });
  });
});

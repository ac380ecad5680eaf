import { describe, expect, it } from 'vitest';
import { suggestStep, validateStepChange, type LadderDecision } from './ladder.ts';
import { runLedger, type MunicipalityLedger } from './ledger.ts';

// 2022-I: 100 due, 60 housed (all in June) → backlog 40. 2022-II: 140 due, 120 housed → 20. 2023-I: 120 due, 130 housed → advance 10.
const ledger: MunicipalityLedger = runLedger({
  municipalityCode: 'GM0001',
  periods: [
    { period: '2022-I', taakstelling: 100, realisations: [{ month: '2022-06', persons: 60 }] },
    { period: '2022-II', taakstelling: 100, realisations: [{ month: '2022-09', persons: 120 }] },
    { period: '2023-I', taakstelling: 100, realisations: [{ month: '2023-02', persons: 130 }] },
  ],
});
const step = (s: LadderDecision['step'], date: string): LadderDecision => ({ step: s, date, reason: 'besluit GS', decidedBy: 'toezichthouder@pv27' });

describe('suggestStep', () => {
  it('suggests at least signaleren after a half-year ends with a backlog', () => {
    const s = suggestStep({ ledger, history: [], asOf: '2022-07-15' });
    expect(s).toEqual({
      current: 'geen',
      suggested: 'signaleren',
      frozen: false,
      reason: 'Aan het eind van 2022-I resteerde een achterstand van 40 (gecorrigeerde taakstelling 100, gehuisvest 60). Voorstel: signaleren.',
    });
  });

  it('signals early when a running half-year is achter on pace', () => {
    const s = suggestStep({ ledger, history: [], asOf: '2022-05-10' });
    expect(s.suggested).toBe('signaleren');
    expect(s.reason).toBe('Na 4 maand(en) van 2022-I zijn 0 personen gehuisvest; het tempo vraagt 66,7: achter. Voorstel: signaleren.');
  });

  it('waits for a further half-year after a step was taken', () => {
    const s = suggestStep({ ledger, history: [step('signaleren', '2022-07-10')], asOf: '2022-11-01' });
    expect(s.suggested).toBeNull();
    expect(s.reason).toBe('De stap signaleren is op 10 juli 2022 gezet, na afloop van 2022-I; de volgende beoordeling is aan het eind van 2022-II.');
  });

  it('suggests bestuurlijk overleg when the backlog remains after a further half-year at signaleren', () => {
    const s = suggestStep({ ledger, history: [step('signaleren', '2022-07-10')], asOf: '2023-01-10' });
    expect(s.suggested).toBe('bestuurlijk overleg');
    expect(s.reason).toBe('Sinds signaleren (10 juli 2022) is 2022-II verstreken en resteerde nog een achterstand van 20. Voorstel: bestuurlijk overleg.');
  });

  it('climbs one step at a time: from bestuurlijk overleg to schriftelijke aanmaning, never further', () => {
    const s = suggestStep({ ledger, history: [step('signaleren', '2022-07-10'), step('bestuurlijk overleg', '2022-12-01')], asOf: '2023-01-10' });
    expect(s.suggested).toBe('schriftelijke aanmaning');
    const top = suggestStep({ ledger, history: [step('signaleren', '2022-01-10'), step('indeplaatsstelling', '2022-12-01')], asOf: '2023-01-10' });
    expect(top.suggested).toBeNull();
    expect(top.reason).toMatch(/De hoogste stap \(indeplaatsstelling\) is al bereikt\.$/);
  });

  it('suggests nothing when on schedule', () => {
    const s = suggestStep({ ledger, history: [step('signaleren', '2022-07-10'), step('bestuurlijk overleg', '2023-01-20')], asOf: '2023-07-05' });
    expect(s.suggested).toBeNull();
    expect(s.reason).toBe('Geen achterstand aan het eind van 2023-I; geen nieuwe stap. Terugschalen is aan de provincie.');
    const clean = runLedger({ municipalityCode: 'GM0002', periods: [{ period: '2022-I', taakstelling: 6, realisations: [{ month: '2022-01', persons: 6 }] }] });
    expect(suggestStep({ ledger: clean, history: [], asOf: '2022-07-01' })).toEqual({ current: 'geen', suggested: null, reason: 'Op schema; geen stap nodig.', frozen: false });
  });

  it('never suggests while excused: the step is frozen', () => {
    const excused = { ...ledger, excused: [{ from: '2022-12-15', to: '2023-01-31', reason: 'COA kon geen vergunninghouders koppelen' }] };
    const s = suggestStep({ ledger: excused, history: [step('signaleren', '2022-07-10')], asOf: '2023-01-10' });
    expect(s).toEqual({
      current: 'signaleren',
      suggested: null,
      frozen: true,
      reason: 'Vrijgesteld van 15 december 2022 tot en met 31 januari 2023 (COA kon geen vergunninghouders koppelen); de stap blijft signaleren.',
    });
    // After the excuse: 2022-II ended inside it, so it does not count.
    const after = suggestStep({ ledger: excused, history: [step('signaleren', '2022-07-10')], asOf: '2023-02-10' });
    expect(after.suggested).toBeNull();
    expect(after.frozen).toBe(false);
    expect(after.reason).toMatch(/^2022-II eindigde tijdens een vrijstelling/);
  });

  it('leaves a closed ledger to its successor', () => {
    const closed = { ...ledger, closed: { effectiveDate: '2023-01-01', kind: 'samenvoeging' as const, lastPeriod: '2022-II', balance: 20, successors: [], explanation: '' } };
    expect(suggestStep({ ledger: closed, history: [], asOf: '2023-01-10' }).reason).toBe('De gemeente is per 1 januari 2023 opgeheven; het toezicht loopt verder bij de opvolger.');
  });
});

describe('validateStepChange', () => {
  const proposal = (s: LadderDecision['step'], date: string, reason = 'achterstand na 2022-I') => ({ step: s, date, reason, decidedBy: 'toezichthouder@pv27' });

  it('allows one step up', () => {
    expect(validateStepChange([], proposal('signaleren', '2022-07-15'))).toEqual({ ok: true, direction: 'omhoog' });
    expect(validateStepChange([step('signaleren', '2022-07-15')], proposal('bestuurlijk overleg', '2022-07-15'))).toEqual({ ok: true, direction: 'omhoog' });
  });

  it('refuses a skipped step', () => {
    expect(validateStepChange([], proposal('bestuurlijk overleg', '2022-07-15'))).toEqual({
      ok: false,
      reason: 'Van geen kan alleen naar signaleren; bestuurlijk overleg slaat signaleren over.',
    });
    expect(validateStepChange([step('signaleren', '2022-07-15')], proposal('indeplaatsstelling', '2023-01-15'))).toEqual({
      ok: false,
      reason: 'Van signaleren kan alleen naar bestuurlijk overleg; indeplaatsstelling slaat bestuurlijk overleg, schriftelijke aanmaning over.',
    });
  });

  it('allows any step down, back to geen included, with a reason', () => {
    const history = [step('signaleren', '2022-07-15'), step('bestuurlijk overleg', '2023-01-15')];
    expect(validateStepChange(history, proposal('geen', '2023-07-05', 'achterstand ingelopen'))).toEqual({ ok: true, direction: 'omlaag' });
    expect(validateStepChange(history, proposal('geen', '2023-07-05', '  '))).toEqual({ ok: false, reason: 'Geef een reden op voor de stap.' });
  });

  it('refuses a date before the previous step, the same step, an unknown step, a bad date, no responsible user', () => {
    const history = [step('signaleren', '2022-07-15')];
    expect(validateStepChange(history, proposal('bestuurlijk overleg', '2022-07-14'))).toEqual({
      ok: false,
      reason: 'De datum 14 juli 2022 ligt voor de vorige stap (signaleren, 15 juli 2022).',
    });
    expect(validateStepChange(history, proposal('signaleren', '2022-08-01'))).toEqual({ ok: false, reason: 'De gemeente staat al op signaleren.' });
    expect(validateStepChange(history, { ...proposal('signaleren', '2022-08-01'), step: 'boete' as never }).ok).toBe(false);
    expect(validateStepChange(history, proposal('bestuurlijk overleg', '2022-02-30'))).toEqual({ ok: false, reason: "'2022-02-30' is geen geldige datum; schrijf bijvoorbeeld 2022-07-15." });
    expect(validateStepChange(history, { ...proposal('bestuurlijk overleg', '2022-08-01'), decidedBy: '' }).ok).toBe(false);
  });

  it('refuses a step up while excused, but allows a step down', () => {
    const excused = [{ from: '2022-08-01', to: '2022-10-31', reason: 'COA kon niet leveren' }];
    expect(validateStepChange([step('signaleren', '2022-07-15')], proposal('bestuurlijk overleg', '2022-09-01'), { excused })).toEqual({
      ok: false,
      reason: 'Op 1 september 2022 is de gemeente vrijgesteld (COA kon niet leveren); de stap is bevroren tot en met 31 oktober 2022.',
    });
    expect(validateStepChange([step('signaleren', '2022-07-15')], proposal('geen', '2022-09-01', 'vrijgesteld'), { excused })).toEqual({ ok: true, direction: 'omlaag' });
  });
});

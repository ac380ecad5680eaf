import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../domain/projection/scenario.ts';
import { en, nl } from './messages.ts';
import { checkForm, checkRun, fieldOfPath, FIELDS, formFromScenario, RUN_FIELDS, scenarioFromForm } from './scenarioForm.ts';

const demo = JSON.parse(fs.readFileSync(new URL('../../../data/scenarios/taakstelling-13500.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const format = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

describe('the scenario form', () => {
  it('reads a saved scenario and writes it back unchanged when nothing is edited', () => {
    const values = formFromScenario(demo);
    expect(values).toMatchObject({ name: 'Taakstelling 13.500 per halfjaar', startWeek: '2022-07-04', permitHoldersWaiting: '7500', inflowMean: '900', inflowSd: '150', permitShare: '0.7', perHalfYear: '13500', paceFactor: '0.9', capacityBase: '41000', norm: '2000' });
    const { scenario, dropped } = scenarioFromForm(demo, values);
    expect(dropped).toBe(0);
    expect(parseScenario(scenario)).toEqual(parseScenario(demo));
    expect(checkForm(demo, values, nl, format)).toEqual([]);
  });

  it('writes edited fields and keeps what the form does not show (uncertainties, capacity changes)', () => {
    const values = { ...formFromScenario(demo), perHalfYear: '13500; 20000', permitShare: '0.65', startWeek: '2022-09-05', description: '' };
    const { scenario, dropped } = scenarioFromForm(demo, values);
    expect(scenario.housing).toEqual({ perHalfYear: [13500, 20000], paceFactor: { mean: 0.9, sd: 0.1 } });
    expect(scenario.permitShare).toEqual({ mean: 0.65, sd: 0.05 });
    expect(scenario.inflowPerWeek).toEqual({ mean: 900, sd: 150, weeklySd: 100 });
    expect(scenario).not.toHaveProperty('description');
    // The changes of August (and 5 September itself stays: it is in the first week).
    expect(dropped).toBe(1);
    expect((scenario.capacity as { changes: unknown[] }).changes).toHaveLength(4);
    expect(checkForm(demo, values, nl, format)).toEqual([]);
  });

  it('says what is wrong next to each field, in the user’s language, before anything is sent', () => {
    const values = { ...formFromScenario(demo), name: ' ', startWeek: '2022-07-05', permitShare: '1.4', processingWeeks: '0', perHalfYear: '1; 2; 3; 4; 5', inflowMean: '' };
    const errors = checkForm(demo, values, nl, format);
    expect(errors).toEqual([
      { fieldId: FIELDS.name, message: 'Vul “Naam” in.' },
      { fieldId: FIELDS.startWeek, message: 'De startweek moet op een maandag beginnen.' },
      { fieldId: FIELDS.inflowMean, message: 'Vul “Instroom per week (gemiddeld)” in.' },
      { fieldId: FIELDS.permitShare, message: '“Aandeel vergunningen (0 tot 1)” moet een getal van 0 tot en met 1 zijn.' },
      { fieldId: FIELDS.processingWeeks, message: '“Weken in de opvang tot een beslissing (gemiddeld)” moet een getal van 1 tot en met 520 zijn.' },
      { fieldId: FIELDS.perHalfYear, message: '“Taakstelling per halfjaar”: geef 1 tot en met 4 getallen van 0 of meer, gescheiden door puntkomma’s.' },
    ]);
    expect(checkForm(demo, { ...values, name: 'x' }, en, format)[0]).toEqual({ fieldId: FIELDS.startWeek, message: 'The start week must begin on a Monday.' });
  });

  it('leaves to the server’s own parser what only the whole scenario shows, in the summary when no field shows it', () => {
    // 500 places at the start, and a planned closure of 1,000 in August would take capacity below zero.
    const closing = { ...demo, capacity: { base: 41000, changes: [{ date: '2022-08-01', change: -1000 }] } };
    const errors = checkForm(closing, { ...formFromScenario(closing), capacityBase: '500' }, nl, format);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/capaciteit negatief/);
    expect(errors[0]!.fieldId).toBeUndefined();
  });

  it('checks the run options as the server does', () => {
    expect(checkRun({ runs: '10000', seed: '1', weeks: '' }, nl, format)).toEqual([]);
    expect(checkRun({ runs: '20001', seed: '-1', weeks: '2.5' }, nl, format).map((e) => e.fieldId)).toEqual([RUN_FIELDS.runs, RUN_FIELDS.seed, RUN_FIELDS.weeks]);
    expect(checkRun({ runs: '20001', seed: '1', weeks: '' }, nl, format)[0]!.message).toBe('“Aantal trekkingen” moet een geheel getal van 1 tot en met 20.000 zijn.');
  });

  it('maps the server’s field names to the form’s fields', () => {
    expect(fieldOfPath('scenario.inflowPerWeek.sd')).toBe(FIELDS.inflowSd);
    expect(fieldOfPath('a.inflowPerWeek.mean')).toBe(FIELDS.inflowMean);
    expect(fieldOfPath('scenario.housing.perHalfYear[1]')).toBe(FIELDS.perHalfYear);
    expect(fieldOfPath('b.permitShare')).toBe(RUN_FIELDS.b);
    expect(fieldOfPath('runs')).toBe(RUN_FIELDS.runs);
    expect(fieldOfPath('scenario.capacity.changes[2].change')).toBeNull();
  });
});

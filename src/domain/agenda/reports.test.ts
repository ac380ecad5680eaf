import { describe, expect, it } from 'vitest';
import { canEdit, checkSubmit, formatRate, rate, reportProblems, timeliness, type ReportContent, type ReportStatus } from './reports.ts';
import { caught } from './test-helpers.ts';
import { reportDeadline } from './working-days.ts';

const complete: ReportContent = {
  figures: { ledger: { realised: 120 } },
  bottlenecks: ' Te weinig woningen voor alleenstaanden. ',
  measures: [
    { measure: '8', progress: ' Twee flexlocaties geopend. ' },
    { measure: '9', progress: 'Pilot in Zaandam loopt.' },
  ],
};

describe('canEdit', () => {
  it('allows editing a draft only', () => {
    expect(canEdit('concept')).toBe(true);
    expect(canEdit('ingediend')).toBe(false);
    expect(caught(() => canEdit('verstuurd' as ReportStatus))).toMatchObject({ code: 'status-onbekend', field: 'status' });
  });
});

describe('checkSubmit', () => {
  it('returns the content with the texts trimmed', () => {
    expect(checkSubmit(complete)).toEqual({
      figures: { ledger: { realised: 120 } },
      bottlenecks: 'Te weinig woningen voor alleenstaanden.',
      measures: [
        { measure: '8', progress: 'Twee flexlocaties geopend.' },
        { measure: '9', progress: 'Pilot in Zaandam loopt.' },
      ],
    });
  });

  it('refuses a submitted report', () => {
    expect(caught(() => checkSubmit(complete, { status: 'ingediend' }))).toMatchObject({ code: 'rapportage-vergrendeld', field: 'status' });
    expect(checkSubmit(complete, { status: 'concept' }).measures).toHaveLength(2);
  });

  it('needs the bottlenecks and progress on at least one measure, naming the first gap and counting the rest', () => {
    expect(caught(() => checkSubmit({ figures: {}, bottlenecks: ' ', measures: [] }))).toMatchObject({
      code: 'rapportage-onvolledig',
      field: 'content.bottlenecks',
      message: "content.bottlenecks: beschrijf de knelpunten in de provincie (of schrijf 'geen knelpunten'). (en nog 1 punt)",
    });
    expect(caught(() => checkSubmit({ ...complete, measures: [] }))).toMatchObject({ field: 'content.measures', message: 'content.measures: meld de voortgang van minstens één maatregel.' });
  });

  it('lists every problem for the form', () => {
    const content: ReportContent = {
      figures: [] as unknown as object,
      bottlenecks: '',
      measures: [
        { measure: '8', progress: '' },
        { measure: ' 8 ', progress: 'dubbel' },
        { measure: '', progress: 'zonder naam' },
      ],
    };
    expect(reportProblems(content, { requiredMeasures: ['9'] })).toEqual([
      { field: 'content.figures', message: 'content.figures: de cijfers van de provincie ontbreken; open de rapportage opnieuw om ze te laten vullen.' },
      { field: 'content.bottlenecks', message: "content.bottlenecks: beschrijf de knelpunten in de provincie (of schrijf 'geen knelpunten')." },
      { field: 'content.measures[0].progress', message: 'content.measures[0].progress: beschrijf de voortgang van maatregel 8.' },
      { field: 'content.measures[1].measure', message: 'content.measures[1].measure: maatregel 8 staat al op regel 1.' },
      { field: 'content.measures[2].measure', message: 'content.measures[2].measure: geef aan over welke maatregel de voortgang gaat.' },
      { field: 'content.measures', message: 'content.measures: de voortgang van maatregel 9 ontbreekt.' },
    ]);
    expect(reportProblems(complete, { requiredMeasures: ['8', ' 9 '] })).toEqual([]);
  });

  it('bounds the length of the texts', () => {
    expect(caught(() => checkSubmit({ ...complete, bottlenecks: 'x'.repeat(20_001) })).field).toBe('content.bottlenecks');
  });
});

describe('rate and formatRate', () => {
  it.each([
    [2, 3, 667],
    [1, 3, 333],
    [1, 6, 167],
    [1, 16, 63], // 6,25 % rounds half up to 6,3 %
    [1, 80, 13], // 1,25 % → 1,3 %
    [1, 2000, 1], // 0,05 % → 0,1 %
    [1, 2001, 0],
    [0, 5, 0],
    [5, 5, 1000],
    [6, 7, 857],
  ])('%i/%i → %i tenths', (n, d, tenths) => {
    expect(rate(n, d)).toEqual({ numerator: n, denominator: d, tenths });
  });

  it('has no rate without a denominator and refuses negative counts', () => {
    expect(rate(0, 0)).toBeNull();
    expect(caught(() => rate(-1, 3)).code).toBe('getal-ongeldig');
  });

  it('writes a percentage the Dutch way', () => {
    expect(formatRate(rate(2, 3))).toBe('66,7 %');
    expect(formatRate(rate(1, 16))).toBe('6,3 %');
    expect(formatRate(rate(1, 1))).toBe('100,0 %');
    expect(formatRate(null)).toBe('—');
  });
});

describe('timeliness', () => {
  // Deadlines (5th working day of the next month): 2022-07 → 2022-08-05, 2022-08 → 2022-09-07, 2022-09 → 2022-10-07.
  const result = timeliness({
    months: ['2022-09', '2022-07', '2022-08'],
    provinces: ['PV20', 'PV27', 'PV31'],
    reports: [
      { province: 'PV20', month: '2022-07', submittedOn: '2022-08-05' }, // on the deadline day: on time
      { province: 'PV20', month: '2022-08', submittedOn: '2022-09-08' }, // a day late
      { province: 'PV20', month: '2022-09', submittedOn: '2022-10-03' }, // early: counts before its deadline
      { province: 'PV27', month: '2022-07', submittedOn: '2022-08-10' }, // 5 days late
      { province: 'PV27', month: '2022-08', submittedOn: null }, // a draft: missing
      { province: 'PV31', month: '2022-07', submittedOn: '2022-08-01' },
      { province: 'PV31', month: '2022-08', submittedOn: '2022-09-07' },
      { province: 'PV31', month: '2022-09', submittedOn: '2022-10-08' }, // after today: not there yet
      { province: 'PV30', month: '2022-07', submittedOn: '2022-08-01' }, // not asked for: ignored
      { province: 'PV20', month: '2022-06', submittedOn: '2022-07-01' },
    ],
    deadline: (m) => reportDeadline(m, { workingDay: 5 }),
    // The deadline of September is today: a missing report is not late yet.
    today: '2022-10-07',
  });

  it('judges each report', () => {
    expect(result.cells.map((c) => [c.province, c.month, c.deadline, c.state, c.daysLate])).toEqual([
      ['PV20', '2022-07', '2022-08-05', 'op-tijd', 0],
      ['PV20', '2022-08', '2022-09-07', 'te-laat', 1],
      ['PV20', '2022-09', '2022-10-07', 'op-tijd', 0],
      ['PV27', '2022-07', '2022-08-05', 'te-laat', 5],
      ['PV27', '2022-08', '2022-09-07', 'ontbreekt', 30],
      ['PV27', '2022-09', '2022-10-07', 'niet-verwacht', null],
      ['PV31', '2022-07', '2022-08-05', 'op-tijd', 0],
      ['PV31', '2022-08', '2022-09-07', 'op-tijd', 0],
      ['PV31', '2022-09', '2022-10-07', 'niet-verwacht', null],
    ]);
    expect(result.cells.find((c) => c.province === 'PV31' && c.month === '2022-09')).toMatchObject({ submittedOn: null, expected: false, received: false, onTime: false });
  });

  it('rates each province, each month and the country', () => {
    const brief = (r: { expected: number; received: number; onTime: number; completeness: { tenths: number } | null; timeliness: { tenths: number } | null }) => [
      r.expected,
      r.received,
      r.onTime,
      r.completeness?.tenths ?? null,
      r.timeliness?.tenths ?? null,
    ];
    expect(result.provinces.map((p) => [p.province, ...brief(p)])).toEqual([
      ['PV20', 3, 3, 2, 1000, 667],
      ['PV27', 2, 1, 0, 500, 0],
      ['PV31', 2, 2, 2, 1000, 1000],
    ]);
    expect(result.byMonth.map((m) => [m.month, ...brief(m)])).toEqual([
      ['2022-07', 3, 3, 2, 1000, 667],
      ['2022-08', 3, 2, 1, 667, 333],
      ['2022-09', 1, 1, 1, 1000, 1000],
    ]);
    expect(result.national).toEqual({
      expected: 7,
      received: 6,
      onTime: 4,
      completeness: { numerator: 6, denominator: 7, tenths: 857 },
      timeliness: { numerator: 4, denominator: 7, tenths: 571 },
      completenessPercent: 85.7,
      timelinessPercent: 57.1,
    });
  });

  it('has no rate when nothing is expected yet', () => {
    const r = timeliness({ months: ['2022-09'], provinces: ['PV20'], reports: [], deadline: (m) => reportDeadline(m), today: '2022-10-01' });
    expect(r.national).toMatchObject({ expected: 0, completeness: null, timeliness: null, completenessPercent: null });
    expect(r.cells[0]).toMatchObject({ state: 'niet-verwacht', daysLate: null });
  });

  it('refuses doubles and bad dates, naming the field', () => {
    const base = { months: ['2022-07'], provinces: ['PV20'], reports: [], deadline: (m: string) => reportDeadline(m), today: '2022-10-01' };
    expect(caught(() => timeliness({ ...base, months: ['2022-07', '2022-07'] }))).toMatchObject({ code: 'maand-ongeldig', field: 'months[1]' });
    expect(caught(() => timeliness({ ...base, provinces: ['PV20', 'PV20'] }))).toMatchObject({ code: 'provincie-dubbel', field: 'provinces[1]' });
    const twice = [
      { province: 'PV20', month: '2022-07', submittedOn: null },
      { province: 'PV20', month: '2022-07', submittedOn: '2022-08-01' },
    ];
    expect(caught(() => timeliness({ ...base, reports: twice }))).toMatchObject({ code: 'rapportage-dubbel', field: 'reports[1]' });
    expect(caught(() => timeliness({ ...base, reports: [{ province: 'PV20', month: '2022-07', submittedOn: '1-8-2022' }] }))).toMatchObject({ field: 'reports[0].submittedOn' });
    expect(caught(() => timeliness({ ...base, deadline: () => 'morgen' }))).toMatchObject({ field: 'deadline(2022-07)' });
  });
});

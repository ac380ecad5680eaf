import { describe, expect, it } from 'vitest';
import { MAX_ERRORS } from '../../lib/upload.ts';
import { checkPipelineCsv, checkPipelineRows, planPipelineUpload, readDeliveryDate, readEuroCents, readSharePercent, type PipelineLine, type PipelineRowsInput } from './pipeline-file.ts';
import { project } from './test-helpers.ts';

const MUNICIPALITIES = new Map([
  ['GM0363', { name: 'Amsterdam', provinceCode: 'PV27' }],
  ['GM0599', { name: 'Rotterdam', provinceCode: 'PV28' }],
  ['GM0518', { name: "'s-Gravenhage", provinceCode: 'PV28' }],
  ['GM0373', { name: 'Bergen (NH.)', provinceCode: 'PV27' }],
  ['GM0893', { name: 'Bergen (L.)', provinceCode: 'PV31' }],
  ['GM0080', { name: 'Leeuwarden', provinceCode: 'PV21' }],
]);
const OPTS: Omit<PipelineRowsInput, 'rows'> = { knownTracks: ['FLEX-NL', 'SOCIAAL'], knownMunicipalities: MUNICIPALITIES, scopeMunicipalities: null, today: '2022-07-08' };
const HEADER = 'spoor,projectcode,gemeente,partij,type woning,aantal woningen,voor statushouders,verwachte oplevering,status';
const check = (text: string, opts: Partial<Omit<PipelineRowsInput, 'rows'>> = {}) => checkPipelineCsv(text, { ...OPTS, ...opts });
const rowsOf = (text: string) => {
  const r = check(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rows;
};
const errorsOf = (text: string, opts: Partial<Omit<PipelineRowsInput, 'rows'>> = {}) => {
  const r = check(text, opts);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('pipeline upload file', () => {
  it('reads a good file: semicolons, BOM, Dutch names and aliases, Dutch dates and amounts, Excel date numbers', () => {
    const text = [
      '\uFEFFSpoor;Project code;Projectnaam;Gemeente;Corporatie;Woningtype;Aantal;Aandeel statushouders;Oplevering;Status;Kosten per woning',
      'flex-nl;AMS-01;Flexwoningen Noorderpark;Amsterdam;Amstelstad Wonen;flexwoning;120;50 %;1-9-2022;In aanbouw;€ 108.000,-',
      'FLEX-NL;DHG-01;;Den Haag;Hofstad Wonen;studio;10;25;44927;vergund;185000,50',
      'SOCIAAL;RTM-01;;gm0599;Maasoever Wonen;appartement;7;33,3%;2023-06-01;planfase;',
    ].join('\r\n');
    expect(rowsOf(text)).toEqual([
      {
        line: 2,
        key: 'FLEX-NL|AMS-01',
        trackCode: 'FLEX-NL',
        reference: 'AMS-01',
        name: 'Flexwoningen Noorderpark',
        municipalityCode: 'GM0363',
        provinceCode: 'PV27',
        party: 'Amstelstad Wonen',
        homeType: 'flexwoning',
        units: 120,
        reservedUnits: 60,
        reservedSharePercent: '50',
        expectedDelivery: '2022-09-01',
        status: 'in aanbouw',
        costPerUnitCents: 10_800_000,
      },
      expect.objectContaining({ line: 3, municipalityCode: 'GM0518', units: 10, reservedUnits: 3, reservedSharePercent: '25', expectedDelivery: '2023-01-01', costPerUnitCents: 18_500_050, name: null }),
      expect.objectContaining({ line: 4, trackCode: 'SOCIAAL', municipalityCode: 'GM0599', provinceCode: 'PV28', reservedUnits: 2, costPerUnitCents: null }),
    ]);
  });

  it('takes a number of homes for permit holders as given', () => {
    const [row] = rowsOf(`${HEADER}\nFLEX-NL,LWD-01,GM0080,Friese Woonmaatschappij,flexwoning,1.200,1.000,2023-01-16,idee\n`);
    expect(row).toMatchObject({ units: 1200, reservedUnits: 1000, reservedSharePercent: null, status: 'idee' });
  });

  it('names a missing column, and needs either voor statushouders or aandeel statushouders', () => {
    expect(errorsOf('spoor,projectcode\nFLEX-NL,A\n')[0]).toMatchObject({ line: 1, field: 'gemeente' });
    expect(errorsOf('spoor,projectcode,gemeente,partij,type woning,aantal woningen,verwachte oplevering,status\nFLEX-NL,A,GM0363,p,t,1,2023-01-01,idee\n')).toEqual([
      { line: 1, field: 'voor statushouders', message: expect.stringMatching(/^Kolom 'voor statushouders' of 'aandeel statushouders' ontbreekt/) },
    ]);
    expect(errorsOf('')).toEqual([{ line: 0, field: null, message: 'Het bestand is leeg.' }]);
    expect(errorsOf(`${HEADER}\n,,,,,,,,\n`)).toEqual([{ line: 0, field: null, message: 'Het bestand heeft geen gegevensregels.' }]);
    expect(errorsOf(`${HEADER},status\nx\n`)[0]).toMatchObject({ line: 1, field: 'status' });
  });

  it('checks every line and names line and field in Dutch', () => {
    const text = [
      `${HEADER},aandeel statushouders,kosten per woning`,
      'FLEX-XX,A1,GM0363,p,t,10,5,2023-01-01,idee,,', // 2 unknown track
      'FLEX-NL,,GM0363,p,t,10,5,2023-01-01,idee,,', // 3 no project code
      'FLEX-NL,A3,GM9999,p,t,10,5,2023-01-01,idee,,', // 4 unknown code
      'FLEX-NL,A4,Bergen,p,t,10,5,2023-01-01,idee,,', // 5 ambiguous name
      'FLEX-NL,A5,Atlantis,p,t,10,5,2023-01-01,idee,,', // 6 unknown name
      'FLEX-NL,A6,GM0363,,t,10,5,2023-01-01,idee,,', // 7 no party
      'FLEX-NL,A7,GM0363,p,t,0,0,2023-01-01,idee,,', // 8 zero homes
      'FLEX-NL,A8,GM0363,p,t,10,11,2023-01-01,idee,,', // 9 reserved > units
      'FLEX-NL,A9,GM0363,p,t,10,5,2023-01-01,idee,50,', // 10 both number and share
      'FLEX-NL,A10,GM0363,p,t,10,,2023-01-01,idee,,', // 11 neither
      'FLEX-NL,A11,GM0363,p,t,10,,2023-01-01,idee,120,', // 12 share > 100
      'FLEX-NL,A12,GM0363,p,t,10,5,31-6-2023,idee,,', // 13 no such date
      'FLEX-NL,A13,GM0363,p,t,10,5,2023-01-01,gereed,,', // 14 unknown status
      'FLEX-NL,A14,GM0363,p,t,10,5,2022-08-01,opgeleverd,,', // 15 delivered in the future
      'FLEX-NL,A15,GM0363,p,t,10,5,2023-01-01,idee,,-5', // 16 negative cost
      'FLEX-NL,A16,GM0363,p,t,10,5,2023-01-01,idee,,"185.000,125"', // 17 three decimals
      'FLEX-NL,a16,GM0363,p,t,10,5,2023-01-01,idee,,', // 18 same project as line 17 (case ignored)
      'FLEX-NL,A18,GM0363,p,t,2.5,1,2023-01-01,idee,,', // 19 not whole homes
      'FLEX-NL,A19,GM0363,p,t,10,5,1899,idee,,', // 20 a year, read as an Excel number
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'spoor'],
      [3, 'projectcode'],
      [4, 'gemeente'],
      [5, 'gemeente'],
      [6, 'gemeente'],
      [7, 'partij'],
      [8, 'aantal woningen'],
      [9, 'voor statushouders'],
      [10, 'voor statushouders'],
      [11, 'voor statushouders'],
      [12, 'aandeel statushouders'],
      [13, 'verwachte oplevering'],
      [14, 'status'],
      [15, 'verwachte oplevering'],
      [16, 'kosten per woning'],
      [17, 'kosten per woning'],
      [18, 'projectcode'],
      [19, 'aantal woningen'],
      [20, 'verwachte oplevering'],
    ]);
    const msg = (line: number) => errors.find((e) => e.line === line)?.message;
    expect(msg(2)).toBe("onbekend spoor 'FLEX-XX'; bekend zijn: FLEX-NL, SOCIAAL.");
    expect(msg(3)).toBe('projectcode ontbreekt.');
    expect(msg(4)).toBe('onbekende gemeentecode GM9999.');
    expect(msg(5)).toBe("gemeente 'Bergen' is niet eenduidig: Bergen (NH.) (GM0373) of Bergen (L.) (GM0893); gebruik de gemeentecode.");
    expect(msg(6)).toBe("onbekende gemeente 'Atlantis'; gebruik de naam van 2022 of de gemeentecode (GM0363).");
    expect(msg(8)).toBe('aantal woningen is 0; een project heeft minstens 1 woning.');
    expect(msg(9)).toBe('voor statushouders (11) is meer dan het aantal woningen (10).');
    expect(msg(10)).toBe('vul voor statushouders (aantal) óf aandeel statushouders (%) in, niet allebei.');
    expect(msg(12)).toBe("aandeel statushouders '120' is meer dan 100 %.");
    expect(msg(13)).toBe("'31-6-2023' is geen datum (JJJJ-MM-DD, D-M-JJJJ of een Excel-datum).");
    expect(msg(14)).toBe("onbekende status 'gereed'; kies uit idee, planfase, vergund, in aanbouw, opgeleverd, vervallen.");
    expect(msg(15)).toBe('de status is opgeleverd, maar de oplevering 2022-08-01 ligt na vandaag (2022-07-08); geef de datum van de oplevering.');
    expect(msg(16)).toBe("kosten per woning '-5' is negatief.");
    expect(msg(18)).toBe('project a16 van spoor FLEX-NL staat ook op regel 17; één regel per project.');
    expect(msg(19)).toBe("aantal woningen '2.5' is geen geheel aantal woningen.");
    expect(msg(20)).toMatch(/^'1899' is geen datum: een getal wordt gelezen als Excel-datum, maar dat is 1905-03-13/);
  });

  it('is all or nothing: one bad line refuses the whole file', () => {
    const good = `${HEADER}\nFLEX-NL,A,GM0363,p,t,10,5,2023-01-01,idee\nFLEX-NL,B,GM0363,p,t,10,5,2023-01-01,idee\n`;
    expect(rowsOf(good)).toHaveLength(2);
    const bad = check(`${good}FLEX-NL,C,GM0363,p,t,10,50,2023-01-01,idee\n`);
    expect(bad).toEqual({ ok: false, errors: [{ line: 4, field: 'voor statushouders', message: 'voor statushouders (50) is meer dan het aantal woningen (10).' }] });
  });

  it('the same project code in two tracks is two projects', () => {
    expect(rowsOf(`${HEADER}\nFLEX-NL,A,GM0363,p,t,10,5,2023-01-01,idee\nSOCIAAL,A,GM0363,p,t,10,5,2023-01-01,idee\n`).map((r) => r.key)).toEqual(['FLEX-NL|A', 'SOCIAAL|A']);
  });

  it('refuses a municipality outside the uploader’s scope', () => {
    const text = `${HEADER}\nFLEX-NL,A,GM0363,p,t,10,5,2023-01-01,idee\nFLEX-NL,B,Rotterdam,p,t,10,5,2023-01-01,idee\n`;
    expect(errorsOf(text, { scopeMunicipalities: new Set(['GM0363']) })).toEqual([
      { line: 3, field: 'gemeente', message: 'Rotterdam (GM0599) valt buiten uw bereik; u kunt alleen projecten in uw eigen gemeente(n) opgeven.' },
    ]);
    expect(check(text, { scopeMunicipalities: new Set(['GM0363', 'GM0599']) }).ok).toBe(true);
  });

  it('caps the errors and turns a CSV syntax error into a line error', () => {
    const rows = [{ line: 1, fields: HEADER.split(',') }, ...Array.from({ length: 300 }, (_, i) => ({ line: i + 2, fields: ['ONBEKEND', `P${i}`, 'GM0363', 'p', 't', '1', '0', '2023-01-01', 'idee'] }))];
    const r = checkPipelineRows({ ...OPTS, rows });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(MAX_ERRORS + 1);
    expect(errorsOf(`${HEADER}\n"FLEX-NL,A\n`)).toEqual([{ line: 2, field: null, message: 'regel 2: aanhalingsteken wordt niet gesloten' }]);
  });
});

describe('cell readers', () => {
  it('reads euro amounts the Dutch way and as spreadsheets write them', () => {
    const cents = (raw: string) => readEuroCents(raw).cents;
    expect(cents('185.000')).toBe(18_500_000);
    expect(cents('185000,00')).toBe(18_500_000);
    expect(cents('185.000,5')).toBe(18_500_050);
    expect(cents('€185.000,-')).toBe(18_500_000);
    expect(cents('185 000 EUR')).toBe(18_500_000);
    expect(cents('185000.5')).toBe(18_500_050);
    expect(cents('1.250.000')).toBe(125_000_000);
    expect(cents('0')).toBe(0);
    expect(cents('')).toBeNull();
    for (const bad of ['18.50.00', 'veel', '185,000.00', '1,2,3']) expect(readEuroCents(bad).message).toMatch(/geen bedrag/);
    expect(readEuroCents('20.000.000').message).toMatch(/meer dan € 10.000.000/);
  });

  it('reads dates as ISO, d-m-jjjj and Excel numbers, within 2000–2099', () => {
    expect(readDeliveryDate('2023-01-01').date).toBe('2023-01-01');
    expect(readDeliveryDate('1-2-2023').date).toBe('2023-02-01');
    expect(readDeliveryDate('44927').date).toBe('2023-01-01');
    expect(readDeliveryDate('36526').date).toBe('2000-01-01');
    expect(readDeliveryDate('73050').date).toBe('2099-12-31');
    expect(readDeliveryDate('45000.0').date).toBe('2023-03-15');
    expect(readDeliveryDate('73051').message).toMatch(/niet tussen 2000 en 2099/);
    expect(readDeliveryDate('1-1-1999').message).toBe('1999-01-01 ligt niet tussen 2000 en 2099; is het jaartal goed?');
    expect(readDeliveryDate('').message).toBe('verwachte oplevering ontbreekt.');
  });

  it('reads a share in percent exactly', () => {
    expect(readSharePercent('25').share).toBe('25');
    expect(readSharePercent('12,5 %').share).toBe('12,5');
    expect(readSharePercent('100%').share).toBe('100');
    expect(readSharePercent('100,01').message).toMatch(/meer dan 100 %/);
    expect(readSharePercent('-5').message).toMatch(/geen percentage/);
    expect(readSharePercent('een kwart').message).toMatch(/geen percentage/);
  });
});

describe('upload plan', () => {
  const line = (overrides: Partial<PipelineLine> = {}): PipelineLine => ({
    line: 2,
    key: 'FLEX-NL|AMS-01',
    trackCode: 'FLEX-NL',
    reference: 'AMS-01',
    name: null,
    municipalityCode: 'GM0363',
    provinceCode: 'PV27',
    party: 'Amstelstad Wonen',
    homeType: 'flexwoning',
    units: 10,
    reservedUnits: 5,
    reservedSharePercent: null,
    expectedDelivery: '2023-03-15',
    status: 'vergund',
    costPerUnitCents: null,
    ...overrides,
  });
  const stored = project({ id: 7, reference: 'ams-01', name: 'Noorderpark', costPerUnitCents: 12_000_000, firstExpectedDelivery: '2023-01-01' });

  it('changes nothing when the same figures come again (a file twice is idempotent)', () => {
    expect(planPipelineUpload([stored], [line()])).toEqual({ ok: true, create: [], update: [], unchanged: [line()] });
  });

  it('creates unknown projects and turns a changed date into a delivery-date change', () => {
    const plan = planPipelineUpload([stored], [line({ expectedDelivery: '2023-05-01', status: 'in aanbouw' }), line({ line: 3, key: 'FLEX-NL|NEW', reference: 'NEW' })]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.create.map((l) => l.reference)).toEqual(['NEW']);
    expect(plan.update).toHaveLength(1);
    const u = plan.update[0]!;
    expect(u.changed).toEqual(['expectedDelivery', 'status']);
    expect(u.deliveryChange).toEqual({ from: '2023-03-15', to: '2023-05-01', reason: 'gewijzigd via upload (regel 2)' });
    expect(u.next).toMatchObject({ id: 7, firstExpectedDelivery: '2023-01-01', expectedDelivery: '2023-05-01', status: 'in aanbouw', name: 'Noorderpark', costPerUnitCents: 12_000_000 });
  });

  it('refuses the whole plan for a status change the rules forbid or a project in another municipality', () => {
    const delivered = { ...stored, status: 'opgeleverd' as const };
    expect(planPipelineUpload([delivered], [line({ status: 'in aanbouw' })])).toEqual({
      ok: false,
      errors: [{ line: 2, field: 'status', message: 'project AMS-01 staat op opgeleverd en kan niet naar in aanbouw.' }],
    });
    const moved = planPipelineUpload([stored], [line({ municipalityCode: 'GM0599' })]);
    expect(moved.ok ? null : moved.errors[0]).toMatchObject({ line: 2, field: 'gemeente' });
  });
});

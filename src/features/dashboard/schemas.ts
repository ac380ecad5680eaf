import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Response schema of the dashboards: the OpenAPI contract and what Fastify serialises (a field missing here is
 * dropped, so dashboard.test.ts compares the answers with the underlying endpoints').
 */
const Int = Type.Integer();
const Str = Type.String();
const Day = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Href = Type.String({ description: 'Pad van de detailpagina in de webapp, bijv. /opvang/TERAPEL' });

/** Every figure says what it is, from when, from where, and where its detail is. */
const Figure = <T extends TSchema>(value: T) =>
  Type.Object({
    value,
    asOf: Nullable(Type.String({ format: 'date', description: 'De dag waarvan het cijfer is' })),
    source: Type.String({ description: 'Bron van het cijfer, in woorden' }),
    href: Href,
  });

const Capacity = Type.Object({ realised: Int, share: Int, difference: Int, percentageTenths: Nullable(Int), percentage: Nullable(Str) });

const Reception = Type.Object({
  asOf: Day,
  registrationCentres: Type.Array(
    Type.Object({
      code: Str,
      name: Str,
      norm: Nullable(Int),
      overNorm: Type.Boolean(),
      breachDays: Type.Integer({ description: 'Dagen boven de norm in de afgelopen 98 dagen' }),
      currentStreakDays: Nullable(Type.Integer({ description: 'Dagen boven de norm in de lopende reeks' })),
      occupancy: Figure(Nullable(Int)),
    }),
  ),
  permitHolders: Figure(Type.Integer({ description: 'Statushouders in de opvang die op een woning wachten' })),
  occupancy: Figure(Int),
  capacity: Figure(Int),
  capacityShare: Nullable(
    Type.Object({
      decisionId: Int,
      title: Str,
      asOf: Day,
      source: Str,
      href: Href,
      total: Figure(Nullable(Capacity)),
      provinces: Type.Array(Type.Object({ provinceCode: Str, name: Nullable(Str), locations: Int, ...Capacity.properties, href: Href })),
    }),
  ),
  locations: Type.Array(
    Type.Object({
      code: Str,
      name: Str,
      typeLabel: Str,
      municipalityCode: Str,
      municipalityName: Str,
      capacity: Int,
      norm: Nullable(Int),
      overNorm: Type.Boolean(),
      permitHolders: Nullable(Int),
      occupancy: Figure(Nullable(Int)),
    }),
    { description: 'Alleen op het provinciedashboard: de opvanglocaties in de provincie' },
  ),
});

const MonthStatus = Nullable(Type.Union(['op schema', 'licht achter', 'achter', 'vrijgesteld'].map((s) => Type.Literal(s))));
const Municipality = Type.Object({
  code: Str,
  name: Str,
  taakstelling: Int,
  corrected: Int,
  realised: Int,
  remaining: Type.Integer({ description: 'Nog te huisvesten in het halfjaar: gecorrigeerde taakstelling min gerealiseerd, niet onder 0' }),
  status: MonthStatus,
  step: Str,
  href: Href,
});

const Ledger = Type.Object({
  period: Str,
  asOf: Day,
  source: Str,
  href: Href,
  municipalities: Figure(Int),
  taakstelling: Figure(Int),
  carriedIn: Figure(Type.Integer({ description: 'Meegenomen saldo: achterstand min voorsprong uit eerdere halfjaren' })),
  corrected: Figure(Int),
  realised: Figure(Int),
  remaining: Figure(Int),
  behind: Figure(Type.Integer({ description: 'Gemeenten die in de laatst afgelopen maand niet op schema lagen' })),
  provinces: Type.Array(
    Type.Object({ provinceCode: Str, municipalities: Int, taakstelling: Int, corrected: Int, realised: Int, carriedIn: Int, href: Href }),
    { description: 'Alleen op het landelijke dashboard' },
  ),
  municipalityList: Type.Array(Municipality, { description: 'Alleen op het provinciedashboard, op naam' }),
  furthestBehind: Type.Array(Municipality, { description: 'Alleen op het provinciedashboard: de gemeenten met het meeste nog te huisvesten' }),
});

const ReportItem = Type.Object({
  provinceCode: Str,
  provinceName: Str,
  month: Str,
  deadline: Day,
  submittedOn: Nullable(Day),
  state: Type.Union(['niet-verwacht', 'op-tijd', 'te-laat', 'ontbreekt'].map((s) => Type.Literal(s))),
  daysLate: Nullable(Int),
  href: Href,
});

export const Dashboard = Type.Object({
  asOf: Type.String({ format: 'date', description: 'De peildatum: elk onderdeel toont de laatste cijfers op of voor deze dag' }),
  province: Nullable(Type.Object({ code: Str, name: Str })),
  provinces: Type.Array(Type.Object({ code: Str, name: Str, href: Href }), { description: 'Alleen op het landelijke dashboard' }),
  reception: Nullable(Reception),
  ledger: Nullable(Ledger),
  actions: Type.Object({
    overdue: Figure(Int),
    items: Type.Array(
      Type.Object({ id: Int, description: Str, holder: Str, measure: Str, deadline: Day, status: Str, provinceCode: Nullable(Str), href: Href }),
    ),
  }),
  reports: Type.Object({
    late: Figure(Type.Integer({ description: 'Rapportages die ontbreken terwijl de termijn voorbij is, of te laat zijn ingediend' })),
    completenessPercent: Figure(Nullable(Type.Number())),
    timelinessPercent: Figure(Nullable(Type.Number())),
    items: Type.Array(ReportItem),
    months: Type.Array(ReportItem, { description: 'Alleen op het provinciedashboard: elke verwachte maand van de provincie' }),
  }),
  meeting: Nullable(
    Type.Object({
      kind: Type.Union([Type.Literal('volgende'), Type.Literal('laatste')], { description: 'laatste: er is na de peildatum geen vergadering gepland' }),
      id: Int,
      date: Day,
      place: Nullable(Str),
      body: Type.Object({ code: Str, name: Str }),
      asOf: Day,
      source: Str,
      href: Href,
      agenda: Type.Array(Type.Object({ number: Int, title: Str })),
    }),
  ),
});

export const DashboardQuery = Type.Object(
  { asOf: Type.Optional(Type.String({ format: 'date', description: 'Peildatum; standaard vandaag (elk onderdeel toont dan zijn laatste cijfers)' })) },
  { additionalProperties: false },
);
export const ProvinceParams = Type.Object({ code: Type.String({ pattern: '^[Pp][Vv][0-9]{2}$', examples: ['PV27'] }) });

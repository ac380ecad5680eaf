import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Request and response schemas of the reception routes: the OpenAPI contract and what Fastify serialises (a field
 * missing here is dropped, so reception.test.ts compares answers with the service's).
 */
const Int = Type.Integer();
const Str = Type.String();
const Day = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const LocationType = Type.Union(
  ['aanmeldcentrum', 'azc', 'noodopvang', 'crisisnoodopvang', 'flexibele opvang', 'overig'].map((t) => Type.Literal(t)),
  { description: 'Soort opvang' },
);
const EventKind = Type.Union(['opening', 'uitbreiding', 'inkrimping', 'sluiting'].map((k) => Type.Literal(k)));
export const LocationCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,29}$', examples: ['TERAPEL'] });

export const CapacityEvent = Type.Object(
  { date: Day, kind: EventKind, places: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Bij sluiting: de plaatsen die vervallen' }) },
  { additionalProperties: false },
);

export const LocationBody = Type.Object(
  {
    code: LocationCode,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: LocationType,
    municipalityCode: Type.String({ pattern: '^GM[0-9]{4}$' }),
    events: Type.Array(CapacityEvent, { maxItems: 200 }),
    norms: Type.Optional(
      Type.Array(
        Type.Object(
          {
            from: Day,
            to: Type.Optional(Nullable(Day)),
            max: Type.Integer({ minimum: 1, maximum: 100_000 }),
            penaltyCentsPerDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'Boete per dag boven de norm, in centen' }))),
            reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const LocationSummary = Type.Object({
  code: Str,
  name: Str,
  type: LocationType,
  typeLabel: Str,
  municipalityCode: Str,
  municipalityName: Str,
  provinceCode: Str,
  capacity: Int,
  norm: Nullable(Int),
  lastDay: Nullable(Day),
  occupancy: Nullable(Int),
  permitHolders: Nullable(Int),
  overNorm: Type.Boolean(),
  version: Int,
});

export const LocationList = Type.Object({ asOf: Day, items: Type.Array(LocationSummary) });

const Streak = Type.Object({ from: Day, to: Day, breachDays: Int, calendarDays: Int, peak: Int });
const BreachSummary = Type.Object({
  last: Nullable(Type.Object({ date: Day, occupancy: Int, norm: Nullable(Int), difference: Nullable(Int) })),
  breachDays: Int,
  currentStreak: Nullable(Streak),
  longestStreak: Nullable(Streak),
});

export const LocationDetail = Type.Object({
  location: LocationSummary,
  from: Day,
  to: Day,
  events: Type.Array(Type.Object({ date: Day, kind: EventKind, places: Int })),
  norms: Type.Array(Type.Object({ from: Day, to: Nullable(Day), max: Int, penaltyCentsPerDay: Nullable(Int) })),
  days: Type.Array(Type.Object({ date: Day, occupancy: Int, permitHolders: Nullable(Int), capacity: Nullable(Int), norm: Nullable(Int) })),
  breachDays: Type.Array(Type.Object({ date: Day, occupancy: Int, norm: Int, excess: Int })),
  breachesPerMonth: Type.Array(Type.Object({ period: Str, knownDays: Int, normDays: Int, breachDays: Int })),
  summary: BreachSummary,
  forecast: Nullable(
    Type.Object({
      method: Type.Literal('holt'),
      parameters: Type.Object({ alpha: Type.Number(), beta: Type.Number() }),
      chosenBy: Type.Union([Type.Literal('vast'), Type.Literal('raster-voor-toetsvenster'), Type.Literal('raster-heel-venster')]),
      window: Type.Object({ from: Day, to: Day, knownDays: Int }),
      level: Type.Number(),
      trend: Type.Number(),
      days: Type.Array(Type.Object({ date: Day, value: Int, exact: Type.Number(), norm: Nullable(Int), overNorm: Type.Boolean() })),
      firstBreach: Nullable(Type.Object({ date: Day, value: Int, exact: Type.Number(), norm: Nullable(Int), overNorm: Type.Boolean() })),
      backtest: Type.Object({ from: Day, to: Day, days: Int, mae: Nullable(Type.Number()), mape: Nullable(Type.Number()) }),
      description: Type.String({ description: 'De methode en haar fout op de afgelopen dagen, in gewone taal' }),
    }),
  ),
  penalties: Type.Array(Type.Object({ days: Int, amountCents: Int, totalCents: Int, from: Day, to: Nullable(Day) })),
});

const CapacityFigures = {
  realised: Int,
  share: Int,
  difference: Int,
  percentageTenths: Nullable(Int),
  percentage: Nullable(Str),
};

export const NationalReception = Type.Object({
  asOf: Nullable(Day),
  occupancy: Int,
  capacity: Int,
  permitHolders: Type.Integer({ description: 'Statushouders in de opvang die op een woning wachten' }),
  byType: Type.Array(Type.Object({ type: LocationType, label: Str, locations: Int, capacity: Int, occupancy: Int, reported: Int })),
  registrationCentres: Type.Array(Type.Object({ code: Str, name: Str, norm: Nullable(Int), occupancy: Nullable(Int), summary: BreachSummary })),
  capacityShare: Nullable(
    Type.Object({
      decisionId: Int,
      title: Str,
      provinces: Type.Array(Type.Object({ provinceCode: Str, name: Nullable(Str), locations: Int, ...CapacityFigures })),
      total: Type.Object(CapacityFigures),
    }),
  ),
});

export const OccupancyUploadResult = Type.Object({
  uploadId: Nullable(Int),
  alreadyUploaded: Type.Boolean({ description: 'Hetzelfde bestand was al ingelezen: er is niets gewijzigd' }),
  lineCount: Int,
  newCount: Int,
  correctedCount: Int,
  unchangedCount: Int,
  alerts: Type.Array(Type.Object({ locationCode: Str, date: Day, occupancy: Int, norm: Int, streakStart: Day }), { description: 'Nieuwe normoverschrijdingen die een melding gaven' }),
});

export const Alerts = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Int,
      kind: Type.Literal('norm-overschreden'),
      locationCode: Str,
      locationName: Str,
      provinceCode: Str,
      day: Day,
      occupancy: Int,
      maximum: Int,
      streakStart: Day,
      message: Str,
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

import { Type, type Static } from '@sinclair/typebox';

/** Schemas of the distribution API; they also check the CLI's key files. */
const Status = Type.Union([Type.Literal('officieel'), Type.Literal('voorlopig'), Type.Literal('onofficieel')]);
const AreaCode = Type.String({ pattern: '^(PV[0-9]{2}|GM[0-9]{4})$' });
const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Decimal = Type.Union([Type.Number(), Type.String({ pattern: '^[0-9]+([.,][0-9]+)?(/[0-9]+)?$' })]);

export const MethodName = Type.Union(
  [
    Type.Literal('round-up'),
    Type.Literal('largest-remainder'),
    Type.Literal('dhondt'),
    Type.Literal('sainte-lague'),
    Type.Literal('huntington-hill'),
  ],
  { description: 'round-up (wettelijk naar boven afronden), largest-remainder (Hamilton), dhondt, sainte-lague, huntington-hill' },
);

export const PresetName = Type.Union(
  [Type.Literal('population'), Type.Literal('population-ses'), Type.Literal('koenigstein'), Type.Literal('eu-relocation-2015'), Type.Literal('fedasil')],
  { description: 'Ingebouwde sleutels' },
);

export const KeySpec = Type.Object(
  {
    preset: Type.Optional(PresetName),
    indicators: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 60 }),
            weight: Decimal,
            mode: Type.Optional(Type.Union([Type.Literal('share'), Type.Literal('inverse-share')])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    /** Indicator values per area; `population` comes from Regietafel's own figures when absent. */
    values: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Decimal))),
    corrections: Type.Optional(Type.Record(Type.String(), Decimal)),
    exemptions: Type.Optional(Type.Array(Type.Object({ code: AreaCode, reason: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }))),
    exemptTwiceAverageExisting: Type.Optional(Type.Boolean({ description: 'Vrijstelling bij minstens twee keer het gemiddelde aantal bestaande plaatsen (Fedasil)' })),
    floors: Type.Optional(Type.Record(Type.String(), Count)),
    caps: Type.Optional(Type.Record(Type.String(), Count)),
  },
  { additionalProperties: false },
);
export type KeySpec = Static<typeof KeySpec>;

export const DecisionInput = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    kind: Type.Union([Type.Literal('verdeling'), Type.Literal('taakstelling')]),
    level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('municipality')])),
    within: Type.Optional(Type.String({ pattern: '^PV[0-9]{2}$', description: 'Provincie waarbinnen over gemeenten wordt verdeeld' })),
    total: Type.Optional(Type.Integer({ description: 'Te verdelen aantal (niet negatief)' })),
    method: Type.Optional(MethodName),
    key: Type.Optional(Type.Union([PresetName, KeySpec])),
    referenceDate: Type.Optional(Type.String({ format: 'date', description: 'Peildatum van de inwonertallen' })),
    boundaryDate: Type.Optional(Type.String({ format: 'date', description: 'Datum van de gemeentelijke indeling (standaard de laatst bekende)' })),
    existing: Type.Optional(Type.Record(Type.String(), Count, { description: 'Bestaande plaatsen per gebied (worden in mindering gebracht)' })),
    period: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(I|II)$', description: 'Halfjaar van de taakstelling, bijv. 2022-II' })),
    national: Type.Optional(Type.Integer({ description: 'Landelijk aantal (vg) van de taakstelling' })),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const AreaResult = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    population: Type.Union([Type.Integer(), Type.Null()]),
    populationStatus: Type.Union([Status, Type.Null()]),
    quota: Type.String({ description: 'Exact quotum als breuk teller/noemer' }),
    quotaDecimal: Type.String({ description: 'Quotum in Nederlandse notatie' }),
    assigned: Type.Integer(),
    existing: Type.Union([Type.Integer(), Type.Null()]),
    toRealise: Type.Union([Type.Integer(), Type.Null()]),
    explanation: Type.String(),
  },
);

export const DecisionView = Type.Object(
  {
    id: Type.Union([Type.Integer(), Type.Null()]),
    number: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    kind: Type.Union([Type.Literal('verdeling'), Type.Literal('taakstelling')]),
    level: Type.Union([Type.Literal('province'), Type.Literal('municipality')]),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    period: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer(),
    method: Type.String(),
    key: Type.Unknown(),
    referenceDate: Type.String(),
    boundaryDate: Type.String(),
    populationStatus: Status,
    nationalPopulation: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Union([Type.Literal('concept'), Type.Literal('gepubliceerd'), Type.Literal('vervangen'), Type.Literal('berekening')]),
    supersedesId: Type.Union([Type.Integer(), Type.Null()]),
    supersededById: Type.Union([Type.Integer(), Type.Null()]),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
    assignedTotal: Type.Integer(),
    methodNote: Type.String(),
    areas: Type.Array(AreaResult),
  },
);
export type DecisionViewT = Static<typeof DecisionView>;

export const DecisionSummary = Type.Object({
  id: Type.Integer(),
  number: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  kind: Type.String(),
  level: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  period: Type.Union([Type.String(), Type.Null()]),
  total: Type.Integer(),
  method: Type.String(),
  referenceDate: Type.String(),
  populationStatus: Status,
  status: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  supersededById: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
});

export const Comparison = Type.Object({
  a: DecisionSummary,
  b: DecisionSummary,
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      a: Type.Union([Type.Integer(), Type.Null()]),
      b: Type.Union([Type.Integer(), Type.Null()]),
      difference: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  totals: Type.Object({ a: Type.Integer(), b: Type.Integer(), difference: Type.Integer() }),
});

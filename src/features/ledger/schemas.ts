import { Type } from '@sinclair/typebox';

/**
 * Response schemas of the ledger routes. They are the OpenAPI contract and also what Fastify serialises:
 * a field missing here is dropped from the answer, so ledger.test.ts compares answers with the service's.
 */
const Int = Type.Integer();
const Str = Type.String();
const Day = Type.String({ format: 'date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const LadderStep = Type.Union([
  Type.Literal('geen'),
  Type.Literal('signaleren'),
  Type.Literal('bestuurlijk overleg'),
  Type.Literal('schriftelijke aanmaning'),
  Type.Literal('indeplaatsstelling'),
]);
const PaceStatus = Type.Union([Type.Literal('op schema'), Type.Literal('licht achter'), Type.Literal('achter')]);
const MonthStatus = Type.Union([PaceStatus, Type.Literal('vrijgesteld')]);
const ReorganisationKind = Type.Union([Type.Literal('samenvoeging'), Type.Literal('toevoeging'), Type.Literal('opsplitsing')]);

export const OverviewItem = Type.Object({
  code: Str,
  name: Str,
  provinceCode: Str,
  period: Str,
  backlog: Type.Integer({ description: 'Saldo na het laatst afgelopen halfjaar: + achterstand, − voorsprong' }),
  step: LadderStep,
  newlyOverdue: Type.Boolean({ description: 'Begon het laatst afgelopen halfjaar zonder en eindigde met achterstand' }),
  currentStatus: Nullable(MonthStatus),
  taakstelling: Int,
  carriedIn: Int,
  swapsNet: Int,
  corrected: Type.Integer({ description: 'Gecorrigeerde taakstelling: taakstelling + meegenomen saldo ± ruil' }),
  realised: Int,
  carriedOut: Int,
  monthStatus: Nullable(MonthStatus),
  suggestedStep: Nullable(LadderStep),
  suggestionReason: Str,
  frozen: Type.Boolean({ description: 'Een vrijstelling bevriest de toezichtstap' }),
});

export const Overview = Type.Object({
  period: Str,
  asOf: Day,
  province: Nullable(Str),
  totals: Type.Object({
    period: Str,
    municipalities: Int,
    taakstelling: Int,
    swapsNet: Int,
    carriedIn: Int,
    corrected: Int,
    realised: Int,
    carriedOut: Int,
    backlog: Int,
    advance: Int,
    behind: Int,
    excused: Int,
    shareBehind: Nullable(Type.Number()),
    bareTaskMet: Type.Boolean(),
    backlogCaughtUp: Nullable(Type.Number()),
  }),
  items: Type.Array(OverviewItem, { description: 'Nieuw achter eerst, dan grootste achterstand, dan hoogste stap' }),
});

const Excused = Type.Object({ from: Day, to: Day, reason: Str });
const Decision = Type.Object({ step: LadderStep, date: Day, reason: Str, decidedBy: Str, documents: Type.Optional(Type.Array(Str)) });

const LedgerPeriod = Type.Object({
  period: Str,
  taakstelling: Int,
  carriedFromPrevious: Int,
  transfersIn: Type.Array(Type.Object({ fromCode: Str, fromName: Type.Optional(Str), amount: Int, effectiveDate: Day, kind: ReorganisationKind })),
  carriedIn: Int,
  swaps: Type.Array(Type.Object({ counterpart: Str, amount: Int })),
  swapsNet: Int,
  corrected: Int,
  realised: Int,
  carriedOut: Int,
  finished: Type.Boolean(),
  explanation: Str,
  months: Type.Array(
    Type.Object({
      month: Str,
      realised: Int,
      cumulative: Int,
      target: Type.Number({ description: 'Het tempo: k/6 van de gecorrigeerde taakstelling (niet afgerond)' }),
      status: Nullable(MonthStatus),
      excusedReason: Nullable(Str),
    }),
  ),
});

export const MunicipalityLedger = Type.Object({
  municipalityCode: Str,
  name: Str,
  provinceCode: Str,
  asOf: Day,
  ledger: Type.Object({
    municipalityCode: Str,
    initialCarriedIn: Int,
    finalCarriedOut: Int,
    closed: Nullable(
      Type.Object({
        effectiveDate: Day,
        kind: ReorganisationKind,
        lastPeriod: Str,
        balance: Int,
        successors: Type.Array(Type.Object({ code: Str, name: Type.Optional(Str), amount: Int, period: Str })),
        explanation: Str,
      }),
    ),
    excused: Type.Array(Excused),
    periods: Type.Array(LedgerPeriod),
  }),
  ladder: Type.Object({
    current: Type.Object({ step: LadderStep, since: Nullable(Day) }),
    history: Type.Array(Decision),
    suggestion: Type.Object({ current: LadderStep, suggested: Nullable(LadderStep), reason: Str, frozen: Type.Boolean() }),
  }),
  reconciliation: Type.Array(
    Type.Object({
      month: Str,
      coa: Type.Union([Int, Type.Null()], { description: 'Personen volgens COA' }),
      municipality: Type.Union([Int, Type.Null()], { description: 'Personen volgens de eigen telling van de gemeente' }),
      difference: Type.Union([Int, Type.Null()], { description: 'Eigen telling − COA' }),
    }),
  ),
});

export const StepDecided = Type.Object({
  id: Int,
  municipalityCode: Str,
  step: LadderStep,
  date: Day,
  direction: Type.Union([Type.Literal('omhoog'), Type.Literal('omlaag')]),
});
export const ExcuseRecorded = Type.Object({ id: Int, municipalityCode: Str, from: Day, to: Day, reason: Str });
export const SwapRecorded = Type.Object({ id: Int, period: Str, from: Str, to: Str, amount: Int, reason: Str });

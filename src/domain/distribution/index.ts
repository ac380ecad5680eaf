/** The distribution engine: pure rules, no I/O. See each module for the details. */
export { Rational, gcd, lcm, isqrt, type RationalInput } from './rational.ts';
export { DistributionError, type DistributionErrorCode } from './errors.ts';
export {
  apportion,
  assignedById,
  APPORTIONMENT_METHODS,
  METHOD_NAMES,
  type ApportionmentMethod,
  type Apportionment,
  type ApportionedArea,
  type ApportionOptions,
  type AreaWeight,
  type BoundsInput,
  type Weight,
  type WeightsInput,
} from './apportion.ts';
export {
  distribute,
  keyWeights,
  validateKey,
  exemptAtMultipleOfAverage,
  presetKey,
  PRESET_NAMES,
  type AreaData,
  type Distribution,
  type DistributedArea,
  type DistributionKey,
  type Exemption,
  type ExemptionRule,
  type IndicatorMode,
  type IndicatorName,
  type KeyIndicator,
  type KeyWeights,
  type PresetName,
  type PresetOptions,
} from './key.ts';
export { cascade, type CascadeNode, type CascadeOutcome, type CascadeResult } from './cascade.ts';
export { applySwaps, type Swap, type SwapArea, type SwappedArea } from './swaps.ts';
export {
  housingQuota,
  parseHalfYear,
  type HalfYear,
  type HousingQuotaInput,
  type HousingQuotaLine,
  type HousingQuotaMunicipality,
  type HousingQuotaResult,
} from './housing-quota.ts';

import { useSession } from '../auth/session.tsx';
import { useT } from '../i18n/index.tsx';
import { PROVINCE_FEATURES } from '../regions/map-data.ts';
import { StatusBadge } from '../ui/index.ts';
import { en, nl, type DistributionMessages } from './messages.ts';
import type { DecisionStatus, DecisionSummary, DecisionView, MethodName, PresetName } from './types.ts';
import { PRESETS } from './types.ts';

/** The shared i18n context plus this feature's own messages (`m`) in the current language. */
export function useDistributionT() {
  const i18n = useT();
  const m: DistributionMessages = i18n.lang === 'en' ? en : nl;
  return { ...i18n, m, locale: i18n.lang === 'nl' ? 'nl-NL' : 'en-GB' };
}

const PROVINCE_NAMES = new Map(PROVINCE_FEATURES.features.map((f) => [f.properties.statcode, f.properties.statnaam]));

/** 'PV27' → 'Noord-Holland' (province borders did not change 2020–2023, so the map's names serve every year). */
export function provinceName(code: string): string {
  return PROVINCE_NAMES.get(code) ?? code;
}

export const PROVINCE_CODES: readonly string[] = [...PROVINCE_NAMES.keys()].sort();

/** How a decision is named in links and headings: its number, or "concept 12" before publication. */
export function decisionLabel(m: DistributionMessages, d: Pick<DecisionSummary, 'id' | 'number'>): string {
  return d.number ?? m.list.draftNumber(d.id);
}

export function methodLabel(m: DistributionMessages, method: string): string {
  return (m.methods as Record<string, string>)[method] ?? method;
}

export function isMethod(x: string): x is MethodName {
  return Object.hasOwn(nl.methods, x);
}

export function isPreset(x: unknown): x is PresetName {
  return typeof x === 'string' && (PRESETS as readonly string[]).includes(x);
}

/** "taakstelling 2022-II" or "verdeling over provincies". */
export function kindLabel(m: DistributionMessages, d: Pick<DecisionSummary, 'kind' | 'level' | 'parentCode' | 'period'>): string {
  if (d.kind === 'taakstelling') return d.period ? m.kind.taakstellingPeriod(d.period) : m.kind.taakstelling;
  const over =
    d.level === 'province' ? m.kind.overProvinces : d.parentCode ? m.kind.overMunicipalitiesOf(provinceName(d.parentCode)) : m.kind.overMunicipalities;
  return `${m.kind.verdeling} ${over}`;
}

/** The key in words: a preset's name, or "eigen sleutel" (with the preset it builds on, if any). */
export function keyLabel(m: DistributionMessages, key: unknown): string {
  if (isPreset(key)) return m.presets[key];
  if (key && typeof key === 'object') {
    const preset = (key as { preset?: unknown }).preset;
    if (isPreset(preset)) return m.presets[preset];
  }
  return m.keyOwn;
}

const STATUS_TONES = { concept: 'neutral', gepubliceerd: 'success', vervangen: 'danger', berekening: 'neutral' } as const;

export function DecisionStatusBadge({ status }: { status: DecisionStatus }) {
  const { m } = useDistributionT();
  return <StatusBadge tone={STATUS_TONES[status] ?? 'neutral'}>{m.decisionStatus[status] ?? status}</StatusBadge>;
}

/**
 * What the signed-in user may do with decisions, asked of the same policy table as the server: manage the
 * national table (secretariat), and the provinces whose municipal split they manage.
 */
export function useDistributionAccess() {
  const session = useSession();
  const national = session.may('distribution.manage', { tableScope: '' });
  const provinces = PROVINCE_CODES.filter((code) => session.may('distribution.manage', { tableScope: code }));
  return {
    session,
    national,
    provinces,
    canCreate: national || provinces.length > 0,
    readsDrafts: session.may('distribution.read-drafts'),
    canManage: (d: Pick<DecisionView, 'kind' | 'level' | 'parentCode'>) =>
      session.may('distribution.manage', { tableScope: d.kind === 'verdeling' && d.level === 'municipality' ? (d.parentCode ?? '') : '' }),
  };
}

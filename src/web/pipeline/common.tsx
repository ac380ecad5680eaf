import { useId } from 'react';
import { useT } from '../i18n/index.tsx';
import { StatusBadge, type BadgeTone } from '../ui/index.ts';
import { en, nl, type PipelineMessages } from './messages.ts';
import type { ProjectStatus } from './types.ts';

export { PROVINCES, provinceName } from '../shared/roles.ts';

/** The shared i18n context plus this feature's own messages (`m`) and a few formats. */
export function usePipelineT() {
  const i18n = useT();
  const m: PipelineMessages = i18n.lang === 'en' ? en : nl;
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return {
    ...i18n,
    m,
    locale,
    /** 2 → "2 %"; null → "–". */
    percent: (p: number | null) => (p === null ? m.noValue : `${i18n.number(p)} %`),
    /** 9_800_000 cents → "€ 98.000"; null → "–". */
    euro: (cents: number | null) => (cents === null ? m.noValue : euro.format(Math.round(cents / 100))),
    /** '2022-09' → "september 2022". */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
    /** '2022-09' → "sep 22" (chart axis). */
    shortMonth: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
    status: (s: ProjectStatus) => m.status[s] ?? s,
  };
}

const TONES: Record<ProjectStatus, BadgeTone> = {
  idee: 'neutral',
  planfase: 'neutral',
  vergund: 'warning',
  'in aanbouw': 'warning',
  opgeleverd: 'success',
  vervallen: 'danger',
};

/** A project's status in words; its colour only repeats them. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { status: label } = usePipelineT();
  return <StatusBadge tone={TONES[status] ?? 'neutral'}>{label(status)}</StatusBadge>;
}

/** Colour plus pattern per series, so tracks differ also without colour vision (WCAG 1.4.1). */
export const SERIES_STYLES = [
  { fill: '#154273', pattern: 'none' },
  { fill: '#e17000', pattern: 'lines' },
  { fill: '#39870c', pattern: 'dots' },
  { fill: '#8b1a5b', pattern: 'cross' },
  { fill: '#5b6470', pattern: 'stripes' },
  { fill: '#007bc7', pattern: 'lines' },
] as const;

export function SeriesPatterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const { fill, pattern } = SERIES_STYLES[i % SERIES_STYLES.length]!;
        return (
          <pattern key={i} id={`${prefix}-${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={fill} />
            {pattern === 'lines' ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" strokeWidth="1.2" /> : null}
            {pattern === 'dots' ? <circle cx="3" cy="3" r="1.1" fill="#ffffff" /> : null}
            {pattern === 'cross' ? <path d="M0,0 l6,6 M6,0 l-6,6" stroke="#ffffff" strokeWidth="1" /> : null}
            {pattern === 'stripes' ? <path d="M0,1.5 h6 M0,4.5 h6" stroke="#ffffff" strokeWidth="1" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A small legend swatch in the pattern of series `index`. */
export function SeriesSwatch({ index }: { index: number }) {
  const prefix = useId().replace(/:/g, '');
  return (
    <svg className="rt-pipeline-swatch" width="24" height="16" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <SeriesPatterns prefix={prefix} count={index + 1} />
      <rect x="0.5" y="0.5" width="23" height="15" fill={`url(#${prefix}-${index})`} stroke="#5b6470" />
    </svg>
  );
}

import { useT } from '../i18n/index.tsx';
import { StatusBadge, type BadgeTone } from '../ui/index.ts';
import { en, nl, type MeetingsMessages } from './messages.ts';
import type { MinutesStatus } from './types.ts';

/** The shared i18n context plus this feature's own messages (`m`). */
export function useMeetingsT() {
  const i18n = useT();
  const m: MeetingsMessages = i18n.lang === 'en' ? en : nl;
  return { ...i18n, m };
}

const TONES: Record<MinutesStatus, BadgeTone> = { concept: 'neutral', verstuurd: 'warning', vastgesteld: 'success' };

/** The status of minutes in words; its colour only repeats them. */
export function MinutesStatusBadge({ status }: { status: MinutesStatus | null }) {
  const { m } = useMeetingsT();
  if (status === null) return <>{m.noMinutes}</>;
  return <StatusBadge tone={TONES[status] ?? 'neutral'}>{m.minutesStatus[status] ?? status}</StatusBadge>;
}

/** The first 12 characters of a hash; the full value in an <abbr title> for those who need to compare it. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

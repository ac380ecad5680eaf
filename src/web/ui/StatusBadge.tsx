import { StatusBadge as UtrechtStatusBadge } from '@utrecht/component-library-react';
import type { HTMLAttributes } from 'react';

export type BadgeTone = 'success' | 'neutral' | 'warning' | 'danger';

export interface StatusBadgeProps extends HTMLAttributes<HTMLElement> {
  tone: BadgeTone;
}

/** A small label with text; its colour only repeats what the text says. */
export function StatusBadge({ tone, className, ...rest }: StatusBadgeProps) {
  return <UtrechtStatusBadge status={tone} className={['rt-badge', `rt-badge--${tone}`, className].filter(Boolean).join(' ')} {...rest} />;
}

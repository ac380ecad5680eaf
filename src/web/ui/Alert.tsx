import { Alert as UtrechtAlert } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export interface AlertProps {
  type: 'info' | 'ok' | 'warning' | 'error';
  heading?: ReactNode;
  children?: ReactNode;
  /**
   * Defaults to the Utrecht mapping (error/warning: alert, info/ok: status). Pass 'none' for a notice that needs no
   * announcement, 'status' for one that should be announced politely when it appears.
   */
  role?: 'alert' | 'status' | 'none';
  id?: string;
}

export function Alert({ type, heading, children, role, id }: AlertProps) {
  return (
    <UtrechtAlert type={type} role={role} id={id}>
      {heading ? <p className="rt-alert-heading">{heading}</p> : null}
      {children}
    </UtrechtAlert>
  );
}

import { Button as UtrechtButton, type ButtonProps as UtrechtButtonProps } from '@utrecht/component-library-react';

export interface ButtonProps extends Omit<UtrechtButtonProps, 'appearance' | 'hint' | 'label' | 'icon'> {
  appearance?: 'primary' | 'secondary' | 'subtle';
}

const APPEARANCE = {
  primary: 'primary-action-button',
  secondary: 'secondary-action-button',
  subtle: 'subtle-button',
} as const;

export function Button({ appearance = 'primary', type = 'button', ...rest }: ButtonProps) {
  // type="button" by default: none of our buttons submit a form, and an accidental submit reloads the page.
  return <UtrechtButton appearance={APPEARANCE[appearance]} type={type} {...rest} />;
}

import {
  Heading as UtrechtHeading,
  Paragraph as UtrechtParagraph,
  UnorderedList as UtrechtUnorderedList,
  UnorderedListItem as UtrechtUnorderedListItem,
} from '@utrecht/component-library-react';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3;
}

export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading({ level, ...rest }, ref) {
  return <UtrechtHeading ref={ref} level={level} {...rest} />;
});

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  appearance?: 'lead' | 'small';
}

export function Paragraph(props: ParagraphProps) {
  return <UtrechtParagraph {...props} />;
}

export function UnorderedList(props: HTMLAttributes<HTMLUListElement>) {
  return <UtrechtUnorderedList {...props} />;
}

export function UnorderedListItem(props: HTMLAttributes<HTMLLIElement>) {
  return <UtrechtUnorderedListItem {...props} />;
}

/** Text for screen readers only (e.g. what a symbol means); still in the accessibility tree, unlike display:none. */
export function VisuallyHidden({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <span className="rt-visually-hidden" id={id}>
      {children}
    </span>
  );
}

import { Link as UtrechtLink, type LinkProps as UtrechtLinkProps } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

export type LinkProps = Omit<UtrechtLinkProps, 'placeholder' | 'boxContent'>;

/**
 * A plain link: a full page load. For pages the server renders itself (API docs, the OpenAPI file) and for
 * anything outside this app.
 */
export function Link(props: LinkProps) {
  return <UtrechtLink {...props} />;
}

export interface RouterLinkProps extends Omit<LinkProps, 'href'> {
  to: string;
}

/** A link to a page of this app: same look as `Link`, but navigates without reloading the page. */
export function RouterLink({ to, onClick, target, ...rest }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target });
  return (
    <UtrechtLink
      {...rest}
      href={href}
      target={target}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        // The handler leaves modified clicks (ctrl/cmd, middle button) to the browser, so "open in new tab" works.
        if (!event.defaultPrevented) navigate(event);
      }}
    />
  );
}

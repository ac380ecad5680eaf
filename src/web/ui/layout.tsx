import { SkipLink } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import { RouterLink } from './links.tsx';

export const MAIN_ID = 'inhoud';

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

export interface PageLayoutProps {
  skipLinkText: string;
  brand: { name: string; tagline: string; to: string };
  navLabel: string;
  nav: NavItem[];
  /** The language switch, rendered at the end of the header. */
  headerEnd?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every page: skip link first in the tab order, then header with navigation, one <main>, a footer.
 * The <main> can take focus (tabIndex -1) so the skip link and route changes can move focus into it.
 */
export function PageLayout({ skipLinkText, brand, navLabel, nav, headerEnd, footer, children }: PageLayoutProps) {
  return (
    <>
      <div className="rt-skip-link-holder">
        <SkipLink href={`#${MAIN_ID}`}>{skipLinkText}</SkipLink>
      </div>
      <header className="rt-header">
        <div className="rt-container rt-header__bar">
          <RouterLink to={brand.to} className="rt-brand">
            <span>{brand.name}</span>
            <span className="rt-brand__tagline">{brand.tagline}</span>
          </RouterLink>
          <nav aria-label={navLabel}>
            <ul className="rt-nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <RouterLink to={item.to} aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </nav>
          {headerEnd}
        </div>
      </header>
      <main id={MAIN_ID} className="rt-container rt-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="rt-footer">
        <div className="rt-container">{footer}</div>
      </footer>
    </>
  );
}

/**
 * Sets the document title; one per page, rendered by the page itself. Not React 19's hoisted <title>: index.html
 * has a title for the moment before scripts run, and the browser would keep reading that first one.
 */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = children;
  }, [children]);
  return null;
}

export interface LanguageSwitchProps {
  /** The name of the other language, in that language ("English" / "Nederlands"). */
  label: string;
  lang: string;
  /** Accessible name, also in the other language. */
  ariaLabel: string;
  onSwitch: () => void;
}

export function LanguageSwitch({ label, lang, ariaLabel, onSwitch }: LanguageSwitchProps) {
  return (
    <button type="button" className="rt-lang-switch" lang={lang} aria-label={ariaLabel} onClick={onSwitch}>
      {label}
    </button>
  );
}

import { useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useT } from './i18n/index.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProvincePage } from './pages/ProvincePage.tsx';
import { RegionsPage } from './pages/RegionsPage.tsx';
import { LanguageSwitch, Link, MAIN_ID, PageLayout, Paragraph } from './ui/index.ts';

/**
 * After a client-side navigation nothing tells a screen reader that the page changed, and focus would stay on the
 * clicked link (which may be gone). So we move focus to the new page's h1, as a full page load would start there.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const target = document.querySelector<HTMLElement>(`#${MAIN_ID} h1`) ?? document.getElementById(MAIN_ID);
    target?.focus();
  }, [pathname]);
}

function Shell() {
  const { t, lang, setLang } = useT();
  const { pathname } = useLocation();
  useFocusOnNavigation();
  return (
    <PageLayout
      skipLinkText={t.app.skipLink}
      brand={{ name: t.app.name, tagline: t.app.tagline, to: '/' }}
      navLabel={t.app.mainNav}
      nav={[
        { to: '/', label: t.app.home, current: pathname === '/' },
        { to: '/regios', label: t.app.regions, current: pathname === '/regios' || pathname.startsWith('/regios/') },
      ]}
      headerEnd={
        <LanguageSwitch
          label={t.app.switchTo}
          lang={t.app.switchToLang}
          ariaLabel={t.app.switchToLabel}
          onSwitch={() => setLang(lang === 'nl' ? 'en' : 'nl')}
        />
      }
      footer={
        <>
          <Paragraph>{t.app.footer}</Paragraph>
          <Paragraph>
            <Link href="/api/docs">{t.app.apiDocs}</Link>
          </Paragraph>
        </>
      }
    >
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/regios" element={<RegionsPage />} />
        <Route path="/regios/:code" element={<ProvincePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PageLayout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </I18nProvider>
  );
}

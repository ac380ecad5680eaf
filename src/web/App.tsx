import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { RequireAccess } from './auth/RequireAccess.tsx';
import { SSO_RETURN_KEY } from './auth/returnPath.ts';
import { SessionProvider, useSession } from './auth/session.tsx';
import { UserMenu } from './auth/UserMenu.tsx';
import { I18nProvider, useT } from './i18n/index.tsx';
import { DASHBOARD_NAV_LABEL } from './dashboard/nav.ts';
import { DISTRIBUTION_NAV_LABEL } from './distribution/nav.ts';
import { LEDGER_NAV_LABEL } from './ledger/nav.ts';
import { agendaNavItems } from './agenda/nav.ts';
import { useUnreadCount } from './agenda/unread.ts';
import { meetingsNavItems } from './meetings/nav.ts';
import { PIPELINE_NAV_LABEL } from './pipeline/nav.ts';
import { ACCESSIBILITY_NAV_LABEL } from './accessibility/nav.ts';
import { PROJECTION_NAV_LABEL } from './projection/nav.ts';
import { RECEPTION_NAV_LABEL } from './reception/nav.ts';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProvincePage } from './pages/ProvincePage.tsx';
import { RegionsPage } from './pages/RegionsPage.tsx';
import { Heading, LanguageSwitch, Link, LoadingStatus, MAIN_ID, PageLayout, Paragraph, RouterLink, type NavItem } from './ui/index.ts';

const loadSignedInPages = () => import('./pages/signedIn.ts');
const AdminPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.AdminPage })));
const AuditPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.AuditPage })));
const NewUserPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.NewUserPage })));
const PopulationImportPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.PopulationImportPage })));
const UserPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.UserPage })));
const UsersPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.UsersPage })));
const ProvinceFigurePage = lazy(() => loadSignedInPages().then((m) => ({ default: m.ProvinceFigurePage })));
const TokensPage = lazy(() => loadSignedInPages().then((m) => ({ default: m.TokensPage })));
const loadDistributionPages = () => import('./distribution/index.ts');
const DecisionListPage = lazy(() => loadDistributionPages().then((m) => ({ default: m.DecisionListPage })));
const NewDecisionPage = lazy(() => loadDistributionPages().then((m) => ({ default: m.NewDecisionPage })));
const ComparePage = lazy(() => loadDistributionPages().then((m) => ({ default: m.ComparePage })));
const DecisionPage = lazy(() => loadDistributionPages().then((m) => ({ default: m.DecisionPage })));
const loadLedgerPages = () => import('./ledger/index.ts');
const LedgerMapPage = lazy(() => loadLedgerPages().then((m) => ({ default: m.PublicMapPage })));
const LedgerOverviewPage = lazy(() => loadLedgerPages().then((m) => ({ default: m.OverviewPage })));
const MunicipalityLedgerPage = lazy(() => loadLedgerPages().then((m) => ({ default: m.MunicipalityLedgerPage })));
const RealisationUploadPage = lazy(() => loadLedgerPages().then((m) => ({ default: m.RealisationUploadPage })));
const loadDashboardPages = () => import('./dashboard/index.ts');
const NationalDashboardPage = lazy(() => loadDashboardPages().then((m) => ({ default: m.NationalDashboardPage })));
const ProvinceDashboardPage = lazy(() => loadDashboardPages().then((m) => ({ default: m.ProvinceDashboardPage })));
const loadPipelinePages = () => import('./pipeline/index.ts');
const PipelineOverviewPage = lazy(() => loadPipelinePages().then((m) => ({ default: m.OverviewPage })));
const PipelineProjectPage = lazy(() => loadPipelinePages().then((m) => ({ default: m.ProjectPage })));
const PipelineNewProjectPage = lazy(() => loadPipelinePages().then((m) => ({ default: m.NewProjectPage })));
const loadReceptionPages = () => import('./reception/index.ts');
const ReceptionPage = lazy(() => loadReceptionPages().then((m) => ({ default: m.NationalPage })));
const ReceptionLocationPage = lazy(() => loadReceptionPages().then((m) => ({ default: m.LocationPage })));
const OccupancyUploadPage = lazy(() => loadReceptionPages().then((m) => ({ default: m.OccupancyUploadPage })));
const ProjectionPage = lazy(() => import('./projection/index.ts').then((m) => ({ default: m.ProjectionPage })));
const loadAgendaPages = () => import('./agenda/index.ts');
const ActionsPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.ActionsPage })));
const ActionPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.ActionPage })));
const LadderPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.LadderPage })));
const InboxPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.InboxPage })));
const ReportsPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => loadAgendaPages().then((m) => ({ default: m.ReportPage })));
const loadMeetingsPages = () => import('./meetings/index.ts');
const MeetingsPage = lazy(() => loadMeetingsPages().then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => loadMeetingsPages().then((m) => ({ default: m.MeetingPage })));
const PublicationsPage = lazy(() => loadMeetingsPages().then((m) => ({ default: m.PublicationsPage })));
const loadMeetingsManagePages = () => import('./meetings/manage.ts');
const NewMeetingPage = lazy(() => loadMeetingsManagePages().then((m) => ({ default: m.NewMeetingPage })));
const MinutesPage = lazy(() => loadMeetingsManagePages().then((m) => ({ default: m.MinutesPage })));
const AccessibilityPage = lazy(() => import('./accessibility/index.ts').then((m) => ({ default: m.AccessibilityPage })));
const MyTasksPage = lazy(() => import('./tasks/index.ts').then((m) => ({ default: m.MyTasksPage })));
const MapsPage = lazy(() => import('./maps/index.ts').then((m) => ({ default: m.MapsPage })));

function PageLoading() {
  const { t } = useT();
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {t.common.loading}
      </Heading>
      <LoadingStatus busy loadingText={t.common.loading} />
    </>
  );
}

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

/** After a login through the organisation's SSO the server lands on "/"; go on to the page the user came from. */
function useReturnAfterSso() {
  const { user } = useSession();
  const navigate = useNavigate();
  useEffect(() => {
    if (!user) return;
    let target: string | null = null;
    try {
      target = window.sessionStorage.getItem(SSO_RETURN_KEY);
      window.sessionStorage.removeItem(SSO_RETURN_KEY);
    } catch {
      // Without storage the user simply stays on the start page.
    }
    if (target) navigate(target, { replace: true });
  }, [user, navigate]);
}

function Shell() {
  const { t, lang, setLang } = useT();
  const session = useSession();
  const { pathname } = useLocation();
  const [notice, setNotice] = useState('');
  // "U bent uitgelogd." belongs to the moment of logging out, not to the next user's visit.
  const userId = session.user?.id ?? null;
  const [noticeUser, setNoticeUser] = useState(userId);
  if (noticeUser !== userId) {
    setNoticeUser(userId);
    if (userId !== null) setNotice('');
  }
  useFocusOnNavigation();
  useReturnAfterSso();
  const unread = useUnreadCount(userId, pathname);
  useEffect(() => {
    if (userId !== null) void loadSignedInPages();
  }, [userId]);

  const nav: NavItem[] = [
    { to: '/', label: t.app.home, current: pathname === '/' },
    { to: '/regios', label: t.app.regions, current: pathname === '/regios' || pathname.startsWith('/regios/') },
    { to: '/verdeling', label: DISTRIBUTION_NAV_LABEL[lang], current: pathname === '/verdeling' || pathname.startsWith('/verdeling/') },
    // Everyone: anonymous visitors land on the public map, signed-in users find the overview from there.
    { to: '/taakstelling', label: LEDGER_NAV_LABEL[lang], current: pathname === '/taakstelling' || pathname.startsWith('/taakstelling/') },
  ];
  // The same policy table as the server decides what the menu offers.
  if (session.may('dashboard.national')) {
    nav.push({ to: '/dashboard', label: DASHBOARD_NAV_LABEL[lang], current: pathname === '/dashboard' || pathname.startsWith('/dashboard/') });
  }
  if (session.may('pipeline.read')) {
    nav.push({ to: '/woningpijplijn', label: PIPELINE_NAV_LABEL[lang], current: pathname === '/woningpijplijn' || pathname.startsWith('/woningpijplijn/') });
  }
  if (session.may('reception.read')) {
    nav.push({ to: '/opvang', label: RECEPTION_NAV_LABEL[lang], current: pathname === '/opvang' || pathname.startsWith('/opvang/') });
  }
  if (session.may('projection.run')) {
    nav.push({ to: '/prognose', label: PROJECTION_NAV_LABEL[lang], current: pathname === '/prognose' || pathname.startsWith('/prognose/') });
  }
  nav.push(...agendaNavItems({ lang, pathname, signedIn: userId !== null, readsAgenda: session.may('agenda.read'), unread }));
  // "Openbare verslagen" for everyone, anonymous visitors too; the meetings for those who may read them.
  nav.push(...meetingsNavItems({ lang, pathname, readsMeetings: session.may('meetings.read') }));
  if (session.may('users.read') || session.may('audit.search') || session.may('population.import')) {
    nav.push({ to: '/beheer', label: t.account.admin, current: pathname === '/beheer' || pathname.startsWith('/beheer/') });
  }

  return (
    <PageLayout
      skipLinkText={t.app.skipLink}
      brand={{ name: t.app.name, tagline: t.app.tagline, to: '/' }}
      navLabel={t.app.mainNav}
      nav={nav}
      headerEnd={
        <div className="rt-header__end">
          <UserMenu onLoggedOut={setNotice} />
          <LanguageSwitch
            label={t.app.switchTo}
            lang={t.app.switchToLang}
            ariaLabel={t.app.switchToLabel}
            onSwitch={() => setLang(lang === 'nl' ? 'en' : 'nl')}
          />
        </div>
      }
      footer={
        <>
          <Paragraph>{t.app.footer}</Paragraph>
          <Paragraph>
            <Link href="/api/docs">{t.app.apiDocs}</Link>
          </Paragraph>
          <Paragraph>
            <RouterLink to="/toegankelijkheid">{ACCESSIBILITY_NAV_LABEL[lang]}</RouterLink>
          </Paragraph>
        </>
      }
    >
      <p className="rt-status-line rt-notice" role="status" aria-live="polite">
        {notice}
      </p>
      <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/inloggen" element={<LoginPage />} />
        <Route path="/regios" element={<RegionsPage />} />
        <Route path="/regios/:code" element={<ProvincePage />} />
        <Route path="/regios/:code/gemeenten/:municipality/inwonertal" element={<ProvinceFigurePage />} />
        <Route
          path="/mijn-api-tokens"
          element={
            <RequireAccess policy="self">
              <TokensPage />
            </RequireAccess>
          }
        />
        <Route
          path="/taken"
          element={
            <RequireAccess policy="tasks.read">
              <MyTasksPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer"
          element={
            <RequireAccess policy="users.read">
              <AdminPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer/gebruikers"
          element={
            <RequireAccess policy="users.read">
              <UsersPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer/gebruikers/nieuw"
          element={
            <RequireAccess policy="users.manage">
              <NewUserPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer/gebruikers/:id"
          element={
            <RequireAccess policy="users.read">
              <UserPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer/audittrail"
          element={
            <RequireAccess policy="audit.search">
              <AuditPage />
            </RequireAccess>
          }
        />
        <Route
          path="/beheer/inwonertallen"
          element={
            <RequireAccess policy="population.import">
              <PopulationImportPage />
            </RequireAccess>
          }
        />
        <Route path="/verdeling" element={<DecisionListPage />} />
        <Route
          path="/verdeling/nieuw"
          element={
            <RequireAccess>
              <NewDecisionPage />
            </RequireAccess>
          }
        />
        <Route path="/verdeling/vergelijk" element={<ComparePage />} />
        <Route path="/verdeling/:id" element={<DecisionPage />} />
        <Route path="/taakstelling" element={<LedgerMapPage />} />
        <Route
          path="/taakstelling/overzicht"
          element={
            <RequireAccess policy="ledger.read">
              <LedgerOverviewPage />
            </RequireAccess>
          }
        />
        <Route
          path="/taakstelling/realisaties-uploaden"
          element={
            <RequireAccess policy="realisation.upload">
              <RealisationUploadPage />
            </RequireAccess>
          }
        />
        <Route
          path="/taakstelling/:code"
          element={
            <RequireAccess policy="ledger.read">
              <MunicipalityLedgerPage />
            </RequireAccess>
          }
        />
        <Route
          path="/dashboard"
          element={
            <RequireAccess policy="dashboard.national">
              <NationalDashboardPage />
            </RequireAccess>
          }
        />
        {/* The province's own check (scoped by the code in the address) is inside the page. */}
        <Route
          path="/dashboard/:province"
          element={
            <RequireAccess>
              <ProvinceDashboardPage />
            </RequireAccess>
          }
        />
        <Route
          path="/woningpijplijn"
          element={
            <RequireAccess policy="pipeline.read">
              <PipelineOverviewPage />
            </RequireAccess>
          }
        />
        <Route
          path="/woningpijplijn/nieuw"
          element={
            <RequireAccess policy="pipeline.upload">
              <PipelineNewProjectPage />
            </RequireAccess>
          }
        />
        <Route
          path="/woningpijplijn/projecten/:id"
          element={
            <RequireAccess policy="pipeline.read">
              <PipelineProjectPage />
            </RequireAccess>
          }
        />
        <Route
          path="/opvang"
          element={
            <RequireAccess policy="reception.read">
              <ReceptionPage />
            </RequireAccess>
          }
        />
        <Route
          path="/opvang/bezetting-uploaden"
          element={
            <RequireAccess policy="occupancy.upload">
              <OccupancyUploadPage />
            </RequireAccess>
          }
        />
        <Route
          path="/opvang/:code"
          element={
            <RequireAccess policy="reception.read">
              <ReceptionLocationPage />
            </RequireAccess>
          }
        />
        <Route
          path="/prognose"
          element={
            <RequireAccess policy="projection.run">
              <ProjectionPage />
            </RequireAccess>
          }
        />
        <Route
          path="/acties"
          element={
            <RequireAccess policy="agenda.read">
              <ActionsPage />
            </RequireAccess>
          }
        />
        <Route
          path="/acties/ladder"
          element={
            <RequireAccess policy="agenda.read">
              <LadderPage />
            </RequireAccess>
          }
        />
        <Route
          path="/acties/:id"
          element={
            <RequireAccess policy="agenda.read">
              <ActionPage />
            </RequireAccess>
          }
        />
        <Route
          path="/rapportages"
          element={
            <RequireAccess policy="agenda.read">
              <ReportsPage />
            </RequireAccess>
          }
        />
        <Route
          path="/rapportages/:province/:month"
          element={
            <RequireAccess policy="agenda.read">
              <ReportPage />
            </RequireAccess>
          }
        />
        <Route
          path="/meldingen"
          element={
            <RequireAccess policy="self">
              <InboxPage />
            </RequireAccess>
          }
        />
        <Route path="/openbaar/verslagen" element={<PublicationsPage />} />
        <Route path="/toegankelijkheid" element={<AccessibilityPage />} />
        <Route path="/kaarten" element={<MapsPage />} />
        <Route
          path="/vergaderingen"
          element={
            <RequireAccess policy="meetings.read">
              <MeetingsPage />
            </RequireAccess>
          }
        />
        <Route
          path="/vergaderingen/nieuw"
          element={
            <RequireAccess policy="meetings.manage">
              <NewMeetingPage />
            </RequireAccess>
          }
        />
        <Route
          path="/vergaderingen/:id"
          element={
            <RequireAccess policy="meetings.read">
              <MeetingPage />
            </RequireAccess>
          }
        />
        <Route
          path="/vergaderingen/:id/notulen/:minutesId"
          element={
            <RequireAccess policy="meetings.manage">
              <MinutesPage />
            </RequireAccess>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
      </Suspense>
    </PageLayout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

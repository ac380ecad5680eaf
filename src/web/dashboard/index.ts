/** The dashboards, loaded on first visit to /dashboard (App.tsx imports this lazily). */
import './dashboard.css';

export { NationalDashboardPage, ProvinceDashboardPage } from './DashboardPage.tsx';
export { MunicipalityContext } from './MunicipalityContext.tsx';

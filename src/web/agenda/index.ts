/** The action agenda, escalation ladder, inbox and monthly reports, loaded on first visit (App.tsx imports this lazily). */
import './agenda.css';

export { ActionPage } from './ActionPage.tsx';
export { ActionsPage } from './ActionsPage.tsx';
export { InboxPage } from './InboxPage.tsx';
export { LadderPage } from './LadderPage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { ReportsPage } from './ReportsPage.tsx';

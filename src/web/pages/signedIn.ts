/**
 * The pages only signed-in users reach, in one chunk of their own: visitors (most of the traffic) do not download
 * them. The app starts loading this chunk as soon as someone signs in, so navigating there is instant.
 */
export { AdminPage } from './admin/AdminPage.tsx';
export { AuditPage } from './admin/AuditPage.tsx';
export { NewUserPage } from './admin/NewUserPage.tsx';
export { PopulationImportPage } from './admin/PopulationImportPage.tsx';
export { UserPage } from './admin/UserPage.tsx';
export { UsersPage } from './admin/UsersPage.tsx';
export { ProvinceFigurePage } from './ProvinceFigurePage.tsx';
export { TokensPage } from './TokensPage.tsx';

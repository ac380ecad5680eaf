/** "Mijn taken" (/taken): the user's background tasks. Loaded lazily. */
export { MyTasksPage } from './MyTasksPage.tsx';

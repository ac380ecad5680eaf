/** The chain projection page (ketenprognose), loaded on first visit to /prognose (App.tsx imports this lazily). */
import '../reception/reception.css';
import './projection.css';

export { ProjectionPage } from './ProjectionPage.tsx';

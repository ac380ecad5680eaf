/** The reception pages (opvang), loaded on first visit to /opvang (App.tsx imports this lazily). */
import './reception.css';

export { LocationPage } from './LocationPage.tsx';
export { NationalPage } from './NationalPage.tsx';
export { OccupancyUploadPage } from './OccupancyUploadPage.tsx';

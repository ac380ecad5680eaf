/** The maps page, loaded on first visit to /kaarten (App.tsx imports this lazily). */
import './maps.css';

export { MapsPage } from './MapsPage.tsx';

/** The ledger pages (taakstelling en realisatie), loaded on first visit to /taakstelling (App.tsx imports this lazily). */
import './ledger.css';

export { MunicipalityLedgerPage } from './MunicipalityLedgerPage.tsx';
export { OverviewPage } from './OverviewPage.tsx';
export { PublicMapPage } from './PublicMapPage.tsx';
export { RealisationUploadPage } from './RealisationUploadPage.tsx';

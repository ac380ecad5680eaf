/** The housing pipeline pages, loaded on first visit to /woningpijplijn (App.tsx imports this lazily). */
import './pipeline.css';

export { MunicipalityPipeline } from './MunicipalityPipeline.tsx';
export { NewProjectPage } from './NewProjectPage.tsx';
export { OverviewPage } from './OverviewPage.tsx';
export { ProjectPage } from './ProjectPage.tsx';

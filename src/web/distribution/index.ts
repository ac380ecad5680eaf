/** The distribution pages, loaded on first visit to /verdeling (App.tsx imports this module lazily). */
import './distribution.css';

export { ComparePage } from './ComparePage.tsx';
export { DecisionListPage } from './DecisionListPage.tsx';
export { DecisionPage } from './DecisionPage.tsx';
export { NewDecisionPage } from './NewDecisionPage.tsx';

/** The accessibility statement, loaded on first visit to /toegankelijkheid (App.tsx imports this lazily). */
export { AccessibilityPage } from './AccessibilityPage.tsx';

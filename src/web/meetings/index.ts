/** The meetings and the public Woo minutes, loaded on first visit (App.tsx imports this lazily). */
import './meetings.css';

export { MeetingPage } from './MeetingPage.tsx';
export { MeetingsPage } from './MeetingsPage.tsx';
export { PublicationsPage } from './PublicationsPage.tsx';

/**
 * The secretariat's forms (new meeting, attendance, people, minutes), in their own chunk: readers of meetings and
 * visitors of the public minutes never load them. App.tsx and MeetingPage import this lazily.
 */
import './meetings.css';

export { AttendanceEditor } from './AttendanceEditor.tsx';
export { MinutesPage } from './MinutesPage.tsx';
export { NewMeetingPage } from './NewMeetingPage.tsx';

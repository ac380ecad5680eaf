/** Shared by the tests of this folder: the MeetingError a call throws, or a failure when it throws none. */
import { MeetingError } from './errors.ts';

export function caught(fn: () => unknown): MeetingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MeetingError) return e;
    throw e;
  }
  throw new Error('Er werd een MeetingError verwacht, maar de aanroep slaagde.');
}

/** Shared by the tests of this folder: the AgendaError a call throws, or a failure when it throws none. */
import { AgendaError } from './errors.ts';

export function caught(fn: () => unknown): AgendaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AgendaError) return e;
    throw e;
  }
  throw new Error('Er werd een AgendaError verwacht, maar de aanroep slaagde.');
}

import type { ApiError } from '../api/client.ts';
import type { FormError } from '../ui/index.ts';

/**
 * The server's complaints as form errors: each `invalidParams` entry on its field (when `fieldOf` knows it), otherwise
 * in the summary; without any, the Dutch `detail`.
 */
export function serverErrors(error: ApiError, fieldOf: (name: string, code: string) => string | null, fallback: string): FormError[] {
  if (error.invalidParams.length > 0) {
    return error.invalidParams.map((p) => {
      const fieldId = fieldOf(p.name, p.code);
      return fieldId ? { fieldId, message: p.reason } : { message: p.reason };
    });
  }
  return [{ message: error.detail ?? fallback }];
}

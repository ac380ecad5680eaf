import { authorize, type Policy, type Principal, type ResourceScope } from '../../domain/access/policies.ts';
import type { User } from '../api/types.ts';

export type { Policy } from '../../domain/access/policies.ts';

/**
 * The web app asks the same policy table as the server (src/domain/access/policies.ts is pure, so the bundle can use
 * it), so the navigation never offers what the server would refuse. The server stays the authority: a page reached
 * anyway shows what the server answers (401 → log in, 403 → no access).
 */
export function principalOf(user: User | null): Principal {
  if (!user || user.disabled) return { kind: 'anonymous' };
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: user.roles, via: 'session' };
}

/** `may(user, 'population.set-by-province', { provinceCode: 'PV27' })` → true for a provincie user of PV27. */
export function may(user: User | null, policy: Policy, scope: ResourceScope = {}): boolean {
  return authorize(principalOf(user), policy, scope);
}

import type { RoleGrant } from '../api/types.ts';
import type { Messages } from '../i18n/index.tsx';

/** Province codes and names, for choosing the scope of a role (the twelve provinces do not change). */
export const PROVINCES: { code: string; name: string }[] = [
  { code: 'PV20', name: 'Groningen' },
  { code: 'PV21', name: 'Fryslân' },
  { code: 'PV22', name: 'Drenthe' },
  { code: 'PV23', name: 'Overijssel' },
  { code: 'PV24', name: 'Flevoland' },
  { code: 'PV25', name: 'Gelderland' },
  { code: 'PV26', name: 'Utrecht' },
  { code: 'PV27', name: 'Noord-Holland' },
  { code: 'PV28', name: 'Zuid-Holland' },
  { code: 'PV29', name: 'Zeeland' },
  { code: 'PV30', name: 'Noord-Brabant' },
  { code: 'PV31', name: 'Limburg' },
];

export function provinceName(code: string): string {
  return PROVINCES.find((p) => p.code === code)?.name ?? code;
}

/** `roleLabel(t, { role: 'provincie', scope: 'PV27' })` → 'Provincie Noord-Holland (PV27)'. */
export function roleLabel(t: Messages, grant: RoleGrant): string {
  switch (grant.role) {
    case 'provincie':
      return `${t.roles.provincie} ${provinceName(grant.scope)} (${grant.scope})`;
    case 'gemeente':
      return `${t.roles.gemeente} ${grant.scope}`;
    case 'lid':
      return grant.scope ? `${t.roles.lidOfPrt(provinceName(grant.scope))} (${grant.scope})` : t.roles.lidOfLrt;
    default:
      return t.roles[grant.role];
  }
}

export function rolesLabel(t: Messages, roles: readonly RoleGrant[]): string {
  return roles.map((g) => roleLabel(t, g)).join(', ');
}

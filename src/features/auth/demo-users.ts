import type { DemoStep } from '../demo/seed.ts';
import type { OrganisationKind } from '../../platform/db/schema.ts';
import type { RoleGrant } from '../../domain/access/policies.ts';
import { systemActor } from '../audit/audit.ts';
import { createUser } from './service.ts';

/** Published in the README; production refuses to start while any of these accounts is active. */
export const DEMO_PASSWORD = 'Regietafel-demo-2022';

export const DEMO_USERS: { email: string; name: string; organisation: string; kind: OrganisationKind; roles: RoleGrant[] }[] = [
  { email: 'secretariaat@regietafel.demo', name: 'Demo Secretariaat LRT', organisation: 'Ministerie van BZK', kind: 'rijk', roles: [{ role: 'secretariaat', scope: '' }] },
  { email: 'lid@regietafel.demo', name: 'Demo Lid LRT', organisation: 'VNG', kind: 'koepel', roles: [{ role: 'lid', scope: '' }] },
  { email: 'provincie.nh@regietafel.demo', name: 'Demo Provincie Noord-Holland', organisation: 'Provincie Noord-Holland', kind: 'provincie', roles: [{ role: 'provincie', scope: 'PV27' }] },
  { email: 'gemeente.amsterdam@regietafel.demo', name: 'Demo Gemeente Amsterdam', organisation: 'Gemeente Amsterdam', kind: 'gemeente', roles: [{ role: 'gemeente', scope: 'GM0363' }] },
  { email: 'coa@regietafel.demo', name: 'Demo COA', organisation: 'COA', kind: 'coa', roles: [{ role: 'coa', scope: '' }] },
  // An invented corporation that builds in Amsterdam and Haarlemmermeer (one grant per municipality).
  { email: 'corporatie@regietafel.demo', name: 'Demo Woonstichting Amstelland', organisation: 'Woonstichting Amstelland (demo)', kind: 'corporatie', roles: [{ role: 'corporatie', scope: 'GM0363' }, { role: 'corporatie', scope: 'GM0394' }] },
];

export const demoUsersStep: DemoStep = {
  name: 'gebruikers',
  async run(db) {
    for (const u of DEMO_USERS) {
      await createUser(db, systemActor('demodata'), {
        email: u.email,
        name: u.name,
        organisation: u.organisation,
        organisationKind: u.kind,
        roles: u.roles,
        password: DEMO_PASSWORD,
        demo: true,
      });
    }
  },
};

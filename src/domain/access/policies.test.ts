import { describe, expect, it } from 'vitest';
import { actorLabel, ANONYMOUS, authorize, POLICIES, type Principal, type Role } from './policies.ts';

const user = (role: Role, scope = '', userId = 1): Principal => ({ kind: 'user', userId, email: `${role}@x.nl`, name: role, roles: [{ role, scope }], via: 'session' });

describe('authorize', () => {
  it('lets everyone read public data', () => {
    expect(authorize(ANONYMOUS, 'public.read')).toBe(true);
    expect(authorize(user('gemeente', 'GM0363'), 'public.read')).toBe(true);
  });

  it('keeps user and audit administration with the secretariat', () => {
    for (const policy of ['users.read', 'users.manage', 'audit.search', 'population.import'] as const) {
      expect(authorize(user('secretariaat'), policy)).toBe(true);
      for (const other of [ANONYMOUS, user('lid'), user('provincie', 'PV27'), user('gemeente', 'GM0363'), user('coa')]) {
        expect(authorize(other, policy), `${policy} for ${JSON.stringify(other)}`).toBe(false);
      }
    }
  });

  it('lets only the province itself set a figure for its municipalities', () => {
    expect(authorize(user('provincie', 'PV27'), 'population.set-by-province', { provinceCode: 'PV27' })).toBe(true);
    expect(authorize(user('provincie', 'PV28'), 'population.set-by-province', { provinceCode: 'PV27' })).toBe(false);
    expect(authorize(user('provincie', 'PV27'), 'population.set-by-province', {})).toBe(false);
    expect(authorize(user('secretariaat'), 'population.set-by-province', { provinceCode: 'PV27' })).toBe(false);
    expect(authorize(user('lid', 'PV27'), 'population.set-by-province', { provinceCode: 'PV27' })).toBe(false);
  });

  it('lets users manage their own tokens and the secretariat everyone’s', () => {
    expect(authorize(user('coa', '', 5), 'tokens.manage', { ownerUserId: 5 })).toBe(true);
    expect(authorize(user('coa', '', 5), 'tokens.manage', { ownerUserId: 6 })).toBe(false);
    expect(authorize(user('secretariaat', '', 1), 'tokens.manage', { ownerUserId: 6 })).toBe(true);
    expect(authorize(ANONYMOUS, 'tokens.manage', { ownerUserId: 6 })).toBe(false);
  });

  it('needs a signed-in user for one’s own things and record history', () => {
    expect(authorize(ANONYMOUS, 'self')).toBe(false);
    expect(authorize(ANONYMOUS, 'audit.history')).toBe(false);
    expect(authorize(user('gemeente', 'GM0363'), 'audit.history')).toBe(true);
  });

  it('lets the server’s own command line do everything, under its own name', () => {
    const cli: Principal = { kind: 'system', label: 'cli:root' };
    for (const policy of Object.keys(POLICIES) as (keyof typeof POLICIES)[]) expect(authorize(cli, policy)).toBe(true);
    expect(actorLabel(cli)).toBe('cli:root');
    expect(actorLabel({ ...(user('coa') as Extract<Principal, { kind: 'user' }>), via: 'token' })).toBe('coa@x.nl (API-token)');
  });

  it('keeps reception registers with COA (and the secretariat), uploads with COA, saved scenarios with the tables', () => {
    const all = [ANONYMOUS, user('secretariaat'), user('lid'), user('provincie', 'PV27'), user('gemeente', 'GM0363'), user('coa')];
    const allowed = (policy: 'reception.read' | 'reception.manage' | 'occupancy.upload' | 'projection.run' | 'projection.manage') =>
      all.map((p) => authorize(p, policy));
    expect(allowed('reception.read')).toEqual([false, true, true, true, true, true]);
    expect(allowed('reception.manage')).toEqual([false, true, false, false, false, true]);
    expect(allowed('occupancy.upload')).toEqual([false, false, false, false, false, true]);
    expect(allowed('projection.run')).toEqual([false, true, true, true, true, true]);
    expect(allowed('projection.manage')).toEqual([false, true, true, false, false, false]);
  });

  it('lets projects of the housing pipeline be entered within scope: a corporation and a municipality for their municipality, a province for its own', () => {
    const nh = { provinceCode: 'PV27', municipalityCode: 'GM0363' };
    const elsewhere = { provinceCode: 'PV26', municipalityCode: 'GM0344' };
    const all = [ANONYMOUS, user('secretariaat'), user('lid'), user('provincie', 'PV27'), user('gemeente', 'GM0363'), user('coa'), user('corporatie', 'GM0363')];
    expect(all.map((p) => authorize(p, 'pipeline.manage', nh))).toEqual([false, true, false, true, true, false, true]);
    expect(all.map((p) => authorize(p, 'pipeline.manage', elsewhere))).toEqual([false, true, false, false, false, false, false]);
    expect(all.map((p) => authorize(p, 'pipeline.read'))).toEqual([false, true, true, true, true, true, true]);
    expect(all.map((p) => authorize(p, 'pipeline.configure'))).toEqual([false, true, false, false, false, false, false]);
    expect(all.map((p) => authorize(p, 'pipeline.upload'))).toEqual([false, true, false, true, true, false, true]);
  });
});

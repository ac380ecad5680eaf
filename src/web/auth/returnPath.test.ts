import { describe, expect, it } from 'vitest';
import { loginPath, safeReturnPath } from './returnPath.ts';

describe('return path after login', () => {
  it('keeps a page of the app, query included', () => {
    expect(safeReturnPath('/beheer/gebruikers/3')).toBe('/beheer/gebruikers/3');
    expect(safeReturnPath('/regios/PV27?jaar=2022')).toBe('/regios/PV27?jaar=2022');
    expect(loginPath('/beheer/audittrail')).toBe('/inloggen?terug=%2Fbeheer%2Faudittrail');
  });

  it('never leaves the site or loops back to the login', () => {
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/inloggen?terug=/x', '/api/v1/session']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
    expect(loginPath('/')).toBe('/inloggen');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/server.ts';

describe('regions API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the provinces with population, reference date and status, and an API-Version header', async () => {
    const r = await get('/api/v1/provinces?year=2022');
    expect(r.statusCode).toBe(200);
    expect(r.headers['api-version']).toBe('1.0.0');
    const body = r.json();
    expect(body).toMatchObject({ year: 2022, boundaryDate: '2022-01-01', referenceDate: '2021-01-01' });
    expect(body.items).toHaveLength(12);
    expect(body.items.map((p: { municipalityCount: number }) => p.municipalityCount)).toEqual([10, 18, 12, 25, 6, 51, 26, 45, 52, 13, 56, 31]);
    expect(body.items[0].population.status).toBe('onofficieel');
  });

  it('gives one province with its municipalities, and a 404 problem for an unknown one', async () => {
    const r = await get('/api/v1/provinces/PV27?year=2022');
    expect(r.statusCode).toBe(200);
    expect(r.json().municipalities.some((m: { code: string }) => m.code === 'GM0457')).toBe(true);
    const missing = await get('/api/v1/provinces/PV99');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 404, code: 'provincie-onbekend', detail: 'Provincie PV99 bestaat niet (PV20 t/m PV31).' });
  });

  it('answers bad parameters with 400 naming the field in Dutch', async () => {
    const r = await get('/api/v1/municipalities?year=twintig&province=XX');
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('ongeldige-invoer');
    expect(body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['province', 'year']);
    expect(body.detail).toContain('year moet van het type integer zijn');
  });

  it('answers an unknown year with the years that exist', async () => {
    const r = await get('/api/v1/municipalities?year=2030');
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toBe('Voor 2030 is geen gemeentelijke indeling bekend; beschikbaar: 2020–2023.');
  });

  it('counts Weesp with Amsterdam only after it joined', async () => {
    const y2022 = (await get('/api/v1/municipalities/GM0363?year=2022')).json();
    expect(y2022.municipality.population.basis).toBe('eigen cijfer');
    const y2023 = (await get('/api/v1/municipalities/GM0363?year=2023')).json();
    expect(y2023.municipality.population.basis).toBe('som voorgangers');
    const weesp = (await get('/api/v1/population/2021-01-01')).json().items.find((i: { municipalityCode: string }) => i.municipalityCode === 'GM0457');
    expect(y2023.municipality.population.inhabitants - y2022.municipality.population.inhabitants).toBe(weesp.inhabitants);
    expect((await get('/api/v1/municipalities/GM0457?year=2023')).statusCode).toBe(404);
  });

  it('gives the figures on a reference date with the national total', async () => {
    const body = (await get('/api/v1/population/2020-01-01')).json();
    expect(body.national).toMatchObject({ inhabitants: 17_407_585, status: 'officieel' });
    expect(body.items).toHaveLength(355);
    expect((await get('/api/v1/population/2019-01-01')).statusCode).toBe(404);
    expect((await get('/api/v1/population/gisteren')).statusCode).toBe(400);
  });

  it('publishes an OpenAPI document that names every API route', async () => {
    const r = await get('/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.0.3');
    const documented = Object.keys(doc.paths).sort();
    // Every API route has a schema and so a place in the document.
    const apiRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/') && !r.hidden);
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    for (const path of ['/api/v1/provinces', '/api/v1/provinces/{code}', '/api/v1/municipalities', '/api/v1/municipalities/{code}', '/api/v1/reorganisations', '/api/v1/regions/coverage', '/api/v1/population/{referenceDate}']) {
      expect(documented).toContain(path);
    }
    expect((await get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('reports readiness and answers unknown API paths as problems', async () => {
    const ready = await get('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', referenceData: 'ok' } });
    expect((await get('/health/live')).json()).toEqual({ status: 'ok' });
    const unknown = await get('/api/v1/nergens');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('niet-gevonden');
  });
});

describe('security headers', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  it('sends a Content-Security-Policy and the other helmet headers', async () => {
    const r = await t.app.inject({ url: '/api/v1/regions/coverage' });
    const csp = r.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses bodies above the limit with a problem, not a crash', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'y' }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('te-groot');
  });
});

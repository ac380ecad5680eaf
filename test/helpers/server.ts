import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.ts';
import { WEB_DIST } from '../../src/platform/web-build.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import type { OidcConfig } from '../../src/platform/config.ts';

/** The whole app on a test database, listening on a free port of 127.0.0.1 (for browser tests). */
export async function startTestServer(opts: { demo?: boolean } = {}): Promise<{
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}> {
  const database = await testDatabase({ demo: opts.demo ?? true });
  const app = await buildApp({ database, webRoot: WEB_DIST });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The app without a listening socket, for API tests with `app.inject`. */
export async function testApp(opts: { demo?: boolean; oidc?: OidcConfig } = {}) {
  const database = await testDatabase({ demo: opts.demo ?? false });
  const app = await buildApp({ database, webRoot: null, oidc: opts.oidc });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

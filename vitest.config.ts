import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The browser journeys test the web app through the same API on either database; the API and every service are
 * already tested on both. On PostgreSQL (DATABASE_URL set) they run only with REGIE_BROWSER_ON_PG=1: running the
 * fourteen Chromium files twice doubled the longest part of CI for no new coverage (docs/ARCHITECTURE.md, "Tests").
 */
const browserOnThisDatabase = !process.env.DATABASE_URL || process.env.REGIE_BROWSER_ON_PG === '1';

// One PGlite per worker is shared by the test files of that worker (each file gets its own schema),
// so files run without module isolation: creating a PGlite costs seconds.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // test/long: the crash tests, run by `npm run test:long` (vitest.long.config.ts).
    exclude: [...configDefaults.exclude, 'test/long/**', ...(browserOnThisDatabase ? [] : ['test/browser/**'])],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser tests poll the page until it shows what they expect; on a loaded 2-core machine a page can take
    // seconds to render its data, and the default of 1 s made them fail on timing alone (seen in a full run).
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});

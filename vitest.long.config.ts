import { defineConfig } from 'vitest/config';

// The long tests (`npm run test:long`): real processes killed and restarted; not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/long/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 1_200_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});

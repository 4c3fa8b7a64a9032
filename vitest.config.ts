import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Keychain tests share one Secret Service; run files in separate forks but not too many on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});

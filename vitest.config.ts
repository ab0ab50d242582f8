import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/office/**/*.test.ts', 'tools/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules', 'out', 'tests/e2e/**'],
    testTimeout: 20000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores. Many
    // files here spend their time waiting on a hub or a child process they started, so a worker
    // per core keeps both busy (2 cores: 416 s -> 255 s for the whole suite, all passing).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});

// Test projects: Node-side units and integration (real SQLite, real child processes), Svelte components in
// jsdom, and end-to-end tests driving Debian's Chromium through the loopback web host.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';

// Every Node process of the suite (test workers, forked hosts and trainers, the CLI, scanners) runs with the
// offline guard: a connection outside loopback is refused and reported (tests make no request to the internet).
const offlineGuard = fileURLToPath(new URL('./test/offline-guard.cjs', import.meta.url));
if (!process.env.NODE_OPTIONS?.includes(offlineGuard)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(offlineGuard)}`].filter(Boolean).join(' ');
}

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{common,engine,store,service,cli,web,lint,main,reliability}/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

// Build of every runtime: Electron main (+ the CLI, the service host and the trainer entry, which run on plain
// Node too), the sandboxed preload (CommonJS, as sandboxed preloads require) and the Svelte renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicy } from './electron/common/csp';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          trainer: resolve('electron/engine/trainer-process.ts'),
          'service-host': resolve('electron/service/service-host.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle what it uses.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts'), trainer: resolve('electron/preload/trainer.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [
      svelte(),
      // The page's <meta> Content-Security-Policy is the app's one policy (electron/common/csp.ts).
      { name: 'gradient-lab-csp', transformIndexHtml: (html: string) => html.replace('%CONTENT_SECURITY_POLICY%', contentSecurityPolicy({ meta: true })) },
    ],
    build: {
      outDir: 'out/renderer',
      // trainer.html: the desktop app's hidden WebGPU trainer window (electron/engine/page).
      rollupOptions: { input: { index: resolve('renderer/index.html'), trainer: resolve('renderer/trainer.html') } },
    },
  },
});

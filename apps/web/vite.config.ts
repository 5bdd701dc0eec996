import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard is built into dist/web, where the API serves it from (apps/api/src/web/). */
export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline script or style: the API's Content-Security-Policy allows the app's own files only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});

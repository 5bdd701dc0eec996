import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';
import { DASHBOARD_PAGES, dashboardRoot } from './dashboard.js';

/*
 * The Docker image must contain the built dashboard where the API serves it from. No Docker engine
 * runs here, so this reads what the Dockerfile does; the e2e suite (apps/web/e2e) checks that the
 * build writes the assets index.html names into dashboardRoot().
 */
const root = projectRoot();
const read = (name: string) => readFileSync(join(root, name), 'utf8');
const instructions = (dockerfile: string) =>
  dockerfile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

describe('the Docker image and the dashboard', () => {
  const lines = instructions(read('Dockerfile'));
  const stages = lines.reduce<string[][]>((all, line) => {
    if (line.startsWith('FROM ')) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const manifest = JSON.parse(read('package.json')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };

  it('builds inside the image from the whole source tree, dashboard included', () => {
    const [build, runtime] = stages;
    expect(stages).toHaveLength(2);
    expect(build[0]).toMatch(/^FROM node:\S+ AS build$/);
    expect(build).toContain('COPY . .');
    // `npm ci` runs `prepare`, which is the full build; pruning comes after it.
    expect(build).toContain('RUN npm ci && npm prune --omit=dev');
    expect(manifest.scripts.prepare).toBe('npm run build');
    expect(manifest.scripts.build).toMatch(/ && npm run build:web$/);
    expect(manifest.scripts['build:web']).toBe('vite build --config apps/web/vite.config.ts --logLevel warn');
    expect(runtime).toContain('COPY --from=build /app /app');
    expect(runtime.at(-1)).toBe('CMD ["node", "dist/apps/api/src/main.js"]');
  });

  it('never copies a dist/ from the host and keeps the dashboard sources in the context', () => {
    const ignored = instructions(read('.dockerignore'));
    expect(ignored).toContain('dist');
    expect(ignored.filter((pattern) => /^apps(\/|$)/.test(pattern))).toEqual([]);
  });

  it('builds the dashboard where the server serves it from, with what survives the prune', () => {
    const viteConfig = read('apps/web/vite.config.ts');
    const outDir = /outDir: fileURLToPath\(new URL\('([^']+)', import\.meta\.url\)\)/.exec(viteConfig)?.[1];
    expect(join(root, 'apps', 'web', outDir!)).toBe(dashboardRoot());
    expect(dashboardRoot()).toBe(join(root, 'dist', 'web'));
    // The server's static module is a runtime dependency; the React app is only built.
    expect(Object.keys(manifest.dependencies)).toContain('@nestjs/serve-static');
    expect(Object.keys(manifest.dependencies).filter((name) => /^(react|react-dom|vite|urql)$/.test(name))).toEqual([]);
  });

  it('answers index.html for exactly the pages the dashboard routes', () => {
    // The browser code is not part of the server's build: its page table is read as text.
    const table = /export const PAGES[^{]*\{([^}]*)\}/.exec(read('apps/web/src/state/url-state.ts'))![1];
    const pages = [...table.matchAll(/'(\/[a-z]*)':/g)].map((m) => m[1]);
    expect([...DASHBOARD_PAGES].sort()).toEqual(pages.sort());
    expect(pages).toHaveLength(6);
  });
});

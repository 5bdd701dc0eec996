import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { projectRoot } from '@cartographer/config';

/** Where `npm run build` puts the built dashboard (apps/web/vite.config.ts) and the API serves it from. */
export function dashboardRoot(): string {
  return join(projectRoot(), 'dist', 'web');
}

/**
 * The dashboard's own pages (apps/web/src/state/url-state.ts): only these paths are answered with
 * index.html, so any other path keeps the API's 404 (a mistyped URL, a missing asset).
 */
export const DASHBOARD_PAGES = ['/', '/login', '/inventory', '/map', '/review', '/scans'] as const;
const PAGE_PATH = /^\/(login|inventory|map|review|scans)?\/?$/;

/** Never answered with index.html whatever DASHBOARD_PAGES says: the API's own paths and reports. */
export const API_PATHS = /^\/(graphql|health|reports|assets)(\/|$)/;

/**
 * The app's own files only: no inline script or style, no other origin, no framing. The
 * GraphQL endpoint (and its GraphiQL page outside production) is not covered.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setDashboardHeaders(response: Response, path: string): void {
  response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Hashed file names under assets/ never change; index.html is checked on every load.
  response.setHeader(
    'Cache-Control',
    path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

export function dashboardBuilt(root = dashboardRoot()): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Serves the built dashboard at `/`: its files, and index.html for each of its pages (the
 * single-page app routes itself). Nothing is served when the dashboard is not built (a test run
 * that did not build it): the API answers as before.
 */
export function dashboardModules(root = dashboardRoot()): DynamicModule[] {
  if (!dashboardBuilt(root)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      renderPath: PAGE_PATH,
      exclude: API_PATHS,
      serveStaticOptions: { setHeaders: setDashboardHeaders, index: 'index.html', fallthrough: true },
    }),
  ];
}

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
 * Paths never answered with index.html: the API's own, report downloads (under /reports), and
 * files (built assets, or a name with an extension) that do not exist, which get a 404.
 */
export const API_PATHS = /^\/(graphql|health|reports|assets)(\/|$)|\.[A-Za-z0-9]+$/;

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
 * Serves the built dashboard at `/`, every other unknown GET path answered with index.html (the
 * single-page app routes itself). Nothing is served when the dashboard is not built (a test run
 * that did not build it): the API answers as before.
 */
export function dashboardModules(root = dashboardRoot()): DynamicModule[] {
  if (!dashboardBuilt(root)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: API_PATHS,
      serveStaticOptions: { setHeaders: setDashboardHeaders, index: 'index.html', fallthrough: true },
    }),
  ];
}

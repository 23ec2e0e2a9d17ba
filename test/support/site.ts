/**
 * The build the browser tests run against: `dist/` at `/` by default, or another build under a
 * base path (`E2E_DIST=dist-reader E2E_BASE=/reader/`), so every test also runs under a base.
 */
import { serveStatic, type StaticServer } from './static-server';

/** Base path the build under test was made with, e.g. `/` or `/reader/`. */
export const BASE = process.env.E2E_BASE ?? '/';

/** Folder of the build under test. */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** A site path as it appears in the build's links: `path('tags/')` → `/reader/tags/`. */
export function sitePath(path = ''): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** Serve the build under test on 127.0.0.1. */
export function serveSite(): Promise<StaticServer> {
  return serveStatic({ root: DIST, base: BASE });
}

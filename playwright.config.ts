import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { BuildOption } from './test/support/site';
import { CHROMIUM, CHROMIUM_ARGS } from './tools/lib/browser';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// The ports are chosen once, by the runner, and kept in the environment its workers inherit
// (each worker loads this file again), so two runs on one machine do not collide.
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_READER_PORT ??= String(await freePort());

/** The two builds `npm test` makes: at the root, and under a base path as a project page is. */
const BUILDS: Record<string, Omit<BuildOption, 'url'> & { port: string }> = {
  root: { base: '/', dist: 'dist', port: process.env.E2E_PORT },
  reader: { base: '/reader/', dist: 'dist-reader', port: process.env.E2E_READER_PORT },
};
const url = ({ base, port }: { base: string; port: string }) => `http://127.0.0.1:${port}${base}`;

for (const { dist, base } of Object.values(BUILDS)) {
  if (!existsSync(join(dist, 'index.html'))) {
    const command = base === '/' ? 'npm run build' : 'npm run build:base';
    throw new Error(`expected a build in ${dist}/ for the browser tests (${command}), found none`);
  }
}

export default defineConfig<object, { build: BuildOption }>({
  testDir: 'test/e2e',
  testMatch: '*.test.ts',
  // Files one after another, as the scratch sites' builds take both cores.
  workers: 1,
  timeout: 60_000,
  forbidOnly: true,
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    browserName: 'chromium',
    // Debian's Chromium: Playwright downloads no browser.
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: Object.entries(BUILDS).map(([name, { port, ...build }]) => ({
    name,
    use: { baseURL: url({ ...build, port }), build: { ...build, url: url({ ...build, port }) } },
  })),
  webServer: Object.values(BUILDS).map((build) => ({
    command: `node_modules/.bin/tsx tools/serve-static.ts ${build.dist} ${build.base} ${build.port}`,
    url: url(build),
    reuseExistingServer: false,
  })),
});

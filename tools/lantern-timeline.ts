/**
 * `npm run bench:lantern -- [path] [build] [--h2]`: where Lighthouse's simulated largest paint of
 * one page comes from. Serves the build (`dist` unless named) as `npm run bench` does (with
 * `--h2`, on HTTPS and HTTP/2, which Lighthouse models with other connections), runs
 * Lighthouse (mobile, simulated throttling) on `path` (`search/?q=heroin` unless named) and
 * prints the simulation's own timeline of that paint: each request and each stretch of the
 * page's work it counted, with its simulated start, end and bytes. Lantern's figure is the end
 * of the last of them, marked `◀`; `npm run bench` prints the figures, this shows why.
 *
 * The timeline is Lighthouse's record of its simulations (`Simulator.allNodeTimings`, which
 * its own `LANTERN_DEBUG` traces are made from), an internal of Lighthouse 13: with another
 * major version this says so and stops. Measures only; nothing here asserts a figure.
 */
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { packageVersion } from '../src/package-version';
import { CHROMIUM, chromiumArgsFor } from './lib/browser';
import { selfSignedCertificate } from './lib/self-signed';
import { serveStatic } from './lib/static-server';

/** The Lighthouse whose record of simulations this reads. */
const KNOWN_MAJOR = '13';
/** The simulation Lighthouse bases the largest paint on (its pessimistic one differs little). */
const SIMULATION = 'optimisticLargestContentfulPaint';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { h2: { type: 'boolean' } } });
const [path = 'search/?q=heroin', root = 'dist'] = positionals;

const version = packageVersion('lighthouse');
if (version?.split('.')[0] !== KNOWN_MAJOR) {
  console.error(
    `bench:lantern: expected Lighthouse ${KNOWN_MAJOR}.x, whose record of simulations it reads, found ${version ?? 'none'}`,
  );
  process.exit(1);
}

// `--h2`: a host on HTTPS and HTTP/2, as public hosts are, with a throwaway certificate.
const server = await serveStatic({ root, tls: values.h2 ? selfSignedCertificate() : undefined });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: chromiumArgsFor(server.url) });
try {
  const url = `${server.url}${path.replace(/^\//, '')}`;
  const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
  const lcp = result?.lhr.audits['largest-contentful-paint']?.numericValue;
  const timings = Lantern.Simulation.Simulator.allNodeTimings.get(SIMULATION);
  if (lcp === undefined || !timings) {
    throw new Error(`bench:lantern: expected Lighthouse's ${SIMULATION} simulation of ${url}, found none`);
  }
  const rows = [...timings].map(([node, timing]) => ({
    start: timing.startTime,
    end: timing.endTime,
    what:
      node.type === 'network'
        ? `${(node.request.transferSize / 1000).toFixed(1).padStart(6)} KB  ${node.request.url.replace(server.url, '/')}`
        : `${' '.repeat(9)}  the page's work (script, style, layout)`,
  }));
  rows.sort((a, b) => a.start - b.start || a.end - b.end);
  const last = Math.max(...rows.map((row) => row.end));
  console.log(`${url}: largest paint ${Math.round(lcp)} ms (Lighthouse ${version}, simulated mobile)`);
  console.log('  start     end   bytes      what');
  for (const row of rows) {
    const mark = row.end === last ? '  ◀' : '';
    console.log(
      `${String(Math.round(row.start)).padStart(7)} ${String(Math.round(row.end)).padStart(7)} ${row.what}${mark}`,
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}

/**
 * `npm run screenshot -- <path> [<out.png>] [--width 390] [--height 844] [--dark] [--full]`
 * Serves `dist/` (build first; `SCREENSHOT_DIST` names another build) and saves a PNG of one page in Debian's Chromium, reduced
 * motion on, so a change can be looked at on a phone-sized or desktop-sized viewport.
 */
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser';
import { serveStatic } from './lib/static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '390' },
    height: { type: 'string', default: '844' },
    dark: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
  },
});
const [path = '', out = 'screenshot.png'] = positionals;
const server = await serveStatic({ root: process.env.SCREENSHOT_DIST ?? 'dist' });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: out, fullPage: values.full });
  console.log(`${out}: ${values.width}×${values.height}${values.dark ? ' dark' : ''} of /${path.replace(/^\//, '')}`);
} finally {
  await browser.close();
  await server.close();
}

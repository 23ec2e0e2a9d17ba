/**
 * Serve a build as a static host would: `tsx tools/serve-static.ts <folder> <base path> <port>`.
 * The browser tests' `webServer` (playwright.config.ts) starts one per base path.
 */
import { serveStatic } from './lib/static-server';

const [root = 'dist', base = '/', port = '0'] = process.argv.slice(2);
const server = await serveStatic({ root, base, port: Number(port) });
console.log(`serving ${root} at ${server.url}`);

/**
 * A static host for `dist/`, as a CDN would serve it: `/x/` → `/x/index.html`, the site's
 * `404.html` for unknown paths, the site mounted under an optional base path, and gzip when
 * the client asks for it. The browser tests and `npm run bench` both use it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Types worth compressing; Pagefind's own files are already gzipped. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm))|image\/svg/;

export interface StaticServer {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/reader/`. */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root?: string;
  /** Base path the site was built for, e.g. `/reader/`. */
  base?: string;
  gzip?: boolean;
}

function fileFor(root: string, path: string): string | undefined {
  const candidate = normalize(join(root, decodeURIComponent(path)));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serve `root` on 127.0.0.1 at a free port. */
export function serveStatic({
  root = 'dist',
  base = '/',
  gzip = true,
}: StaticServerOptions = {}): Promise<StaticServer> {
  const dir = resolve(root);
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const inBase = path.startsWith(prefix) || `${path}/` === prefix;
    let file = inBase ? fileFor(dir, path.slice(prefix.length - 1)) : undefined;
    if (inBase && !file && !path.endsWith('/') && fileFor(dir, `${path.slice(prefix.length - 1)}/`)) {
      response.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    const status = file ? 200 : 404;
    file ??= join(dir, '404.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compress = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    response.writeHead(status, {
      'content-type': type,
      // Pages revalidate; assets are cached, as hosts do (hashed `_astro/` files for good).
      'cache-control': type.startsWith('text/html')
        ? 'no-cache'
        : file.includes('/_astro/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=600',
      ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    const stream = createReadStream(file);
    (compress ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}

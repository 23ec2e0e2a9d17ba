/**
 * A static host for `dist/`, as a CDN would serve it: `/x/` → `/x/index.html`, the site's
 * `404.html` for unknown paths, the site mounted under an optional base path, and gzip when
 * the client asks for it. Files, types and paths are `sirv`'s job (what `vite preview`
 * serves with), compression `compression`'s (Express's); this file only mounts them. Plain
 * HTTP/1.1, or HTTPS and HTTP/2 given a key and certificate. The browser tests and
 * `npm run bench` both use it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { withTrailingSlash } from '../../src/facts';

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
  /** Port to listen on; a free one by default. */
  port?: number;
  /**
   * A key and certificate to serve HTTPS with, HTTP/2 first (HTTP/1.1 to a client that asks for
   * it), as public hosts do; plain HTTP/1.1 without.
   */
  tls?: { key: Buffer; cert: Buffer };
}

/** Pages revalidate; assets are cached, as hosts do (hashed `_astro/` files for good). */
function cacheControl(response: ServerResponse, path: string): void {
  response.setHeader(
    'cache-control',
    path.endsWith('.html') || path.endsWith('/')
      ? 'no-cache'
      : path.includes('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=600',
  );
}

/** Serve `root` on 127.0.0.1 at a free port. */
export function serveStatic({
  root = 'dist',
  base = '/',
  gzip = true,
  port = 0,
  tls,
}: StaticServerOptions = {}): Promise<StaticServer> {
  const dir = resolve(root);
  const prefix = withTrailingSlash(`/${base.replace(/^\/+/, '')}`);
  const notFound = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(readFileSync(join(dir, '404.html')));
  };
  // `dev`: read the folder at each request, not once at start (a test may build into it).
  const files = sirv(dir, { dev: true, setHeaders: cacheControl, onNoMatch: notFound });
  // Text of every size (Pagefind's files are gzipped already, and typed as no text): what the
  // bench's figures have always been measured with.
  const compress = compression({
    threshold: 0,
    filter: (request, response) => gzip && compression.filter(request, response),
  });
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) return notFound(request, response);
    request.url = (request.url ?? '/').slice(prefix.length - 1);
    // `compression` is typed for Express, whose request and response extend Node's; it uses only Node's.
    type Compress = Parameters<typeof compress>;
    compress(request as Compress[0], response as Compress[1], () =>
      files(request, response, () => notFound(request, response)),
    );
  };
  // HTTP/2's request and response objects keep the HTTP/1 API that sirv and compression use.
  type Serve = Parameters<typeof createSecureServer>[1] & {};
  const server = tls
    ? createSecureServer({ ...tls, allowHTTP1: true }, serve as unknown as Serve)
    : createServer(serve);
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}

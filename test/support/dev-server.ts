/** `astro dev` started for a test, on a free port, and stopped by it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { stripVTControlCharacters } from 'node:util';

/** A port nothing listens on now: the OS picks it, so two runs on one machine never share one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `astro dev` under `base` reading the index from `outDir` (and `env` beside the process's own); resolve with its URL (base included)
 * and a `stop` that resolves once the server has exited. The URL is the one Astro prints:
 * if the port asked for was taken in the meantime, Astro moves to the next one without failing.
 */
export async function devServer(
  outDir: string,
  base: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['dev', '--host', '127.0.0.1', '--port', String(await freePort()), '--outDir', outDir, '--ignore-lock'],
    {
      env: { ...process.env, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => {
    child.kill();
    return exited;
  };
  for (let tries = 0; tries < 240; tries++) {
    // Astro prints "Local    http://127.0.0.1:PORT/base/" once it listens (colours stripped).
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stripVTControlCharacters(output))?.[1];
    if (port) {
      const url = `http://127.0.0.1:${port}${base}`;
      try {
        if ((await fetch(`${url}search/`)).ok) return { url, stop };
      } catch {
        // printed, not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro dev did not answer within 60 s; it printed:\n${output}`);
}

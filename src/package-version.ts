/**
 * The installed version of an npm package, for the modules that check the version of a
 * dependency whose internals they rely on (src/astro-internals.ts,
 * src/integrations/pagefind/format.ts). Read from the package.json that names the package, found
 * by walking up from the module the package resolves to: a package need not export its
 * package.json (Pagefind does not), and its entry may sit at any depth. Undefined when it
 * cannot be read, which those modules treat as a version they do not know.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(name: string): string | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const found = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
        if (found.name === name && typeof found.version === 'string') return found.version;
      }
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined; // not installed, or not resolvable from here
  }
}

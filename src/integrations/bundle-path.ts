import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The file inside `bundle` that a request names by `path`, the part of the URL after
 * `/pagefind/` (percent-encoded), or undefined when it would lie outside the folder:
 * `..%2fpagefind-private.txt` names `dist/pagefind-private.txt`, a sibling, and gets nothing.
 * Throws `URIError` on malformed percent-encoding, which the server answers with 400.
 */
export function bundleFile(bundle: string, path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  if (decoded.includes('\0')) return undefined;
  const file = resolve(bundle, decoded);
  const inside = relative(bundle, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return file;
}

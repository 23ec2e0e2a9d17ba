import { serveStatic } from '../test/support/static-server';
const s = await serveStatic({ root: 'dist', gzip: true });
console.log(s.url);
setInterval(() => {}, 1 << 30);

// Serves the project root on 127.0.0.1 (no dependencies) and prints the demo's and the editor's URLs.
// Pages are sent with the strict Content-Security-Policy the components are built for.
// PORT=8123 npm start picks the port; a busy port moves on to the next free one.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const projectRoot = resolve(new URL('..', import.meta.url).pathname);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'";

/**
 * Serves files under `root` (default: the project); `csp: false` leaves the header off (the
 * bench loads rivals' scripts).
 */
export const handler =
  ({ csp = true, root = projectRoot } = {}) =>
  (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const stat = statSync(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      res.writeHead(200, {
        'content-type': type,
        'content-length': stat.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...(csp && type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

export function serve(port = Number(process.env.PORT) || 8000, attempts = 20, options = {}) {
  return new Promise((done, fail) => {
    const server = createServer(handler(options));
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE' && attempts > 1) done(serve(port + 1, attempts - 1, options));
      else fail(err);
    });
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  const { port } = server.address();
  console.log(`attack-timeline demo:   http://127.0.0.1:${port}/examples/index.html`);
  console.log(`attack-timeline editor: http://127.0.0.1:${port}/examples/editor.html`);
  console.log('Press Ctrl+C to stop.');
}

// A tiny read-only static server on a free loopback port, for built pages under test or benchmark.
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** What a static host compresses on the fly (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

export interface ServeOptions {
  /** Gzip text files for a client that accepts it, as any static host does (the Lighthouse figures). */
  gzip?: boolean;
}

/** Serves `root` without caching headers; anything outside it or missing is a 404. */
export function serve(root: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const gzip =
        options.gzip === true &&
        COMPRESSIBLE.has(extname(file)) &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip) {
        res.writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'accept-encoding',
          'cache-control': 'no-store',
        });
        createReadStream(file)
          .pipe(createGzip({ level: 6 }))
          .pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('the static server has no port'));
        return;
      }
      resolve({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}

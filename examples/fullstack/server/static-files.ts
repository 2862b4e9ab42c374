import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

// Serves a built client folder: files by path, index.html for anything else (the page routes itself).

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export function serveStaticFiles(root: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://demo.local').pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = join(root, path);
    // Nothing outside the folder, whatever the path says.
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) file = join(root, 'index.html');
    const isFile = await stat(file).then((info) => info.isFile(), () => false);
    if (!isFile) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  };
}

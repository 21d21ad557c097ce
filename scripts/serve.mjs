#!/usr/bin/env node
// A small static server for dist/: used by the e2e tests and the benchmark. It behaves like a static host:
// directory URLs serve index.html, a missing file serves 404.html with status 404, and if dist/_headers exists
// (Netlify / Cloudflare Pages format) its headers are applied, so tests see exactly what production sends.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Parses a `_headers` file: blocks of a path pattern followed by indented `Name: value` lines. */
export function parseHeadersFile(text) {
  const rules = [];
  let current;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const i = line.indexOf(':');
      if (current && i > 0) current.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    } else {
      const pattern = line.trim();
      const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      current = { pattern, regex, headers: [] };
      rules.push(current);
    }
  }
  return rules;
}

export function startServer({ root, port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const dir = resolve(root);
  const headersPath = join(dir, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    for (const rule of rules) if (rule.regex.test(url.pathname)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    if (!pathname.startsWith(base)) return notFound(res);
    const rel = normalize(pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, rel);
    if (!file.startsWith(dir)) return notFound(res);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res, pathname.slice(base.length));
    }
  });
  // As deploy/nginx does: a missing address under en/ gets the English 404, any other the root one.
  async function notFound(res, rel = '') {
    const english = join(dir, 'en/404.html');
    const page = rel.startsWith('en/') && existsSync(english) ? english : join(dir, '404.html');
    const body = existsSync(page) ? await readFile(page) : Buffer.from('Not found');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  }
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? process.argv[3] ?? 4321);
  const base = process.env.BASE_PATH ?? '/';
  const server = await startServer({ root, port, base });
  const { port: actual } = server.address();
  console.log(`Serving ${root} at http://127.0.0.1:${actual}${base}`);
}

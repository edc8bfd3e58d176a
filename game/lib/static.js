'use strict';
// Static files: only the game's own files, through an allow-list of mounts with safe path resolution.
//   /                  -> public/index.html
//   /<path>            -> public/<path>
//   /src/<name>.js     -> src/<name>.js        (the core and the renderer)
//   /qwop.json         -> qwop.json
//   /vendor/box2d.js   -> box2dweb's box2d.js, wrapped (lib/box2d.js): defines self.Box2D
const fs = require('fs');
const path = require('path');

const GAME_DIR = path.resolve(__dirname, '..');
const PUBLIC_DIR = path.join(GAME_DIR, 'public');
const SRC_DIR = path.join(GAME_DIR, 'src');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const { pageSource: box2dSource } = require('./box2d.js');

// Resolves a URL path below root, or returns null (traversal, odd characters, not allowed).
function safeJoin(root, rel) {
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const parts = rel.split('/');
  for (const p of parts) {
    if (p === '..' || p === '.' || p.startsWith('.')) return null; // no traversal, no dotfiles
  }
  const full = path.resolve(root, rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

function resolveStatic(urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath);
  } catch (e) {
    return { status: 400 };
  }
  if (!p.startsWith('/')) return { status: 400 };
  if (p === '/' || p === '/index.html') return { file: path.join(PUBLIC_DIR, 'index.html') };
  if (p === '/qwop.json') return { file: path.join(GAME_DIR, 'qwop.json') };
  if (p === '/vendor/box2d.js') return { generated: 'box2d' };
  if (p.startsWith('/src/')) {
    const rel = p.slice('/src/'.length);
    if (!rel.endsWith('.js')) return { status: 404 };
    const f = safeJoin(SRC_DIR, rel);
    return f ? { file: f, root: SRC_DIR } : { status: 404 };
  }
  const f = safeJoin(PUBLIC_DIR, p.slice(1));
  return f ? { file: f, root: PUBLIC_DIR } : { status: 404 };
}

function send(res, status, type, body, head) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : body);
}

function text(res, status, msg, head) {
  send(res, status, 'text/plain; charset=utf-8', Buffer.from(msg + '\n'), head);
}

function serveStatic(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    return text(res, 405, 'method not allowed');
  }
  const q = req.url.indexOf('?');
  const urlPath = q >= 0 ? req.url.slice(0, q) : req.url;
  const r = resolveStatic(urlPath);
  if (r.status) return text(res, r.status, r.status === 400 ? 'bad request' : 'not found', head);
  if (r.generated === 'box2d') {
    let body;
    try {
      body = box2dSource();
    } catch (e) {
      return text(res, 500, 'box2dweb is not installed (run npm ci in game/)', head);
    }
    return send(res, 200, TYPES['.js'], body, head);
  }
  // A symbolic link (of the file or of a folder on the way) may not lead out of its mount.
  fs.realpath(r.file, (err0, real) => {
    if (err0 || (r.root && !real.startsWith(realRoot(r.root) + path.sep))) return text(res, 404, 'not found', head);
    serveFile(res, real, TYPES[path.extname(r.file).toLowerCase()] || 'application/octet-stream', head);
  });
}

const realRoots = new Map();
function realRoot(dir) {
  if (!realRoots.has(dir)) realRoots.set(dir, fs.realpathSync(dir));
  return realRoots.get(dir);
}

function serveFile(res, file, type, head) {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return text(res, 404, 'not found', head);
    fs.readFile(file, (err2, body) => {
      if (err2) return text(res, 404, 'not found', head);
      send(res, 200, type, body, head);
    });
  });
}

module.exports = { serveStatic, resolveStatic, GAME_DIR, PUBLIC_DIR };

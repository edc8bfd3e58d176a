'use strict';
// The server process: command line, listening line, static files and their allow-list,
// path traversal, busy port, 127.0.0.1 binding, clean shutdown on signals.
const { test, before, after, describe } = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { startServerProcess, connectAgent } = require('../lib/client.js');
const { createQwopServer } = require('../lib/app.js');

const GAME_DIR = path.resolve(__dirname, '..');

// Raw GET: the path is sent exactly as given (no normalisation of ../ or %2e%2e).
function get(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Raw request line over a socket, for paths http.request would refuse.
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('end', () => resolve({ status: Number((/^HTTP\/1\.1 (\d+)/.exec(data) || [])[1]), body: data }));
    s.on('error', reject);
  });
}

function runToExit(args, env = {}) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['server.js', ...args], { cwd: GAME_DIR, env: Object.assign({}, process.env, env) });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), 10000);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
}

describe('a running server (node server.js --port 0)', () => {
  let srv;
  before(async () => { srv = await startServerProcess(); });
  after(async () => { if (srv) await srv.stop(); });

  test('prints its address, on 127.0.0.1 by default', () => {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(srv.port > 0);
  });

  test('serves the page, its scripts, the constants and Box2D', async () => {
    const page = await get(srv.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /text\/html/);
    assert.match(page.body, /<canvas id="game"/);
    for (const p of ['/main.js', '/driver.js', '/detmath.js', '/style.css', '/src/render.js', '/src/qwop.js', '/vendor/box2d.js']) {
      const r = await get(srv.port, p);
      assert.equal(r.status, 200, p);
    }
    const box2d = await get(srv.port, '/vendor/box2d.js');
    assert.match(box2d.headers['content-type'], /javascript/);
    assert.match(box2d.body, /self\.Box2D = \(function \(module, Math\)/);
    const c = await get(srv.port, '/qwop.json');
    assert.equal(c.status, 200);
    assert.deepEqual(JSON.parse(c.body), require('../qwop.json'));
    const head = await get(srv.port, '/main.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal((await get(srv.port, '/main.js', 'POST')).status, 405);
  });

  test('serves nothing else', async () => {
    for (const p of ['/server.js', '/lib/app.js', '/package.json', '/package-lock.json', '/node_modules/ws/package.json',
      '/test/server.test.js', '/src/', '/src/qwop.json', '/__init__.py', '/nope.html', '/.gitignore', '/public/index.html']) {
      const r = await get(srv.port, p);
      assert.ok(r.status === 404 || r.status === 400, `${p} -> ${r.status}`);
    }
  });

  test('no path traversal, plain or encoded', async () => {
    const attempts = [
      '/../server.js', '/../../etc/passwd', '/src/../server.js', '/src/../../server.js',
      '/%2e%2e/server.js', '/%2E%2E/server.js', '/%2e%2e%2fserver.js', '/..%2fserver.js', '/..%5cserver.js',
      '/src/%2e%2e/server.js', '/src/..%2fserver.js', '/src/%2e%2e%2f%2e%2e%2fgame%2fserver.js',
      '/%252e%252e/server.js', '/.%2e/server.js', '/src/.%2e/lib/app.js', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/src/qwop.js%00.js', '/..\\server.js', '/src/..\\..\\server.js', '/%c0%ae%c0%ae/server.js', '/%',
    ];
    for (const p of attempts) {
      const r = await rawGet(srv.port, p);
      assert.ok(r.status === 404 || r.status === 400, `${p} -> ${r.status}`);
      assert.doesNotMatch(r.body, /createQwopServer|root:x:|QWOP server listening/, p);
    }
    // The server is still there.
    assert.equal((await get(srv.port, '/')).status, 200);
  });

  test('the WebSocket protocol is on the same port', async () => {
    const c = await connectAgent(`ws://127.0.0.1:${srv.port}/agent?backend=node`);
    try {
      const r = await c.request({ cmd: 'reset' });
      assert.equal(r.ok, true, r.error);
      assert.equal(r.state.bodies.length, 12);
    } finally {
      await c.close();
    }
  });

  test('not reachable on other interfaces', async (t) => {
    const addrs = Object.values(os.networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal);
    if (!addrs.length) return t.skip('no non-loopback IPv4 interface');
    await assert.rejects(() => new Promise((resolve, reject) => {
      const s = net.connect(srv.port, addrs[0].address, () => { s.destroy(); resolve(); });
      s.on('error', reject);
    }), /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/);
  });
});

test('binds 127.0.0.1 by default (in process)', async () => {
  const app = createQwopServer();
  try {
    await app.listen(0);
    assert.equal(app.server.address().address, '127.0.0.1');
  } finally {
    await app.close();
  }
});

test('PORT env and --host/--port options', async () => {
  const srv = await startServerProcess(['--host', '127.0.0.1'], { env: { PORT: '1' } });   // --port 0 wins
  try {
    assert.ok(srv.port > 1);
  } finally {
    await srv.stop();
  }
  const free = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const p = spawn(process.execPath, ['server.js', '--exit-on-stdin-close'], { cwd: GAME_DIR, env: Object.assign({}, process.env, { PORT: String(free) }) });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      p.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out); });
      p.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    assert.equal(line.trim(), `QWOP server listening on http://127.0.0.1:${free}`);
  } finally {
    p.kill('SIGTERM');
    await new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)));
  }
});

test('busy port: one clear line on stderr, exit status 1, no stack trace', async () => {
  const blocker = net.createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  const port = blocker.address().port;
  try {
    const r = await runToExit(['--port', String(port)]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], new RegExp(`port ${port} is already in use`));
    assert.doesNotMatch(r.err, /\n\s+at |Error:/);
  } finally {
    await new Promise((r) => blocker.close(r));
  }
});

test('bad options: usage message, exit status 2', async () => {
  for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['--port']]) {
    const r = await runToExit(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /usage: node server/);
  }
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  test(`clean shutdown on ${sig}, even with a client connected`, async () => {
    const srv = await startServerProcess();
    const c = await connectAgent(`ws://127.0.0.1:${srv.port}/agent?backend=node`);
    const closed = new Promise((r) => c.ws.once('close', (code) => r(code)));
    const t0 = Date.now();
    const exited = new Promise((r) => srv.proc.once('exit', (code, signal) => r({ code, signal })));
    srv.proc.kill(sig);
    const { code } = await exited;
    assert.equal(code, 0);
    assert.ok(Date.now() - t0 < 3000);
    assert.equal(await closed, 1001);
  });
}

test('exits when stdin closes with --exit-on-stdin-close', async () => {
  const srv = await startServerProcess();
  const exited = new Promise((r) => srv.proc.once('exit', (code) => r(code)));
  srv.proc.stdin.end();
  assert.equal(await exited, 0);
});

test('Box2D for the page and backend=node: deterministic sin/cos, native Object.defineProperty kept', () => {
  const native = Object.defineProperty;
  const { loadBox2D, DetMath } = require('../lib/box2d.js');
  const B = loadBox2D();
  assert.equal(typeof B.Dynamics.b2World, 'function');
  assert.equal(Object.defineProperty, native, 'box2dweb replaced Object.defineProperty');
  assert.match(Function.prototype.toString.call(Object.defineProperty), /native code/);
  // fdlibm's sin/cos: within an ulp or so of any engine's, exact at known points.
  let x = 3;
  for (let i = 0; i < 20000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const a = (x / 2147483648 - 0.5) * 200;
    assert.ok(Math.abs(DetMath.sin(a) - Math.sin(a)) <= 4e-16, `sin ${a}`);
    assert.ok(Math.abs(DetMath.cos(a) - Math.cos(a)) <= 4e-16, `cos ${a}`);
  }
  assert.equal(DetMath.sin(0), 0);
  assert.ok(Object.is(DetMath.sin(-0), -0));
  assert.equal(DetMath.cos(0), 1);
  assert.equal(DetMath.sin(Math.PI / 2), 1);
  assert.equal(DetMath.cos(Math.PI), -1);
  assert.equal(DetMath.sin(1), 0.8414709848078965);
  assert.equal(DetMath.cos(1), 0.5403023058681398);
  assert.ok(Number.isNaN(DetMath.sin(Infinity)));
});

// ---- other web pages: Host and Origin -------------------------------------------------------------
function getWithHeaders(port, rawPath, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Opens a WebSocket with the given headers: resolves 'open' or the refusal's HTTP status.
function tryWebSocket(url, headers) {
  const WebSocket = require('ws');
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => { ws.close(); resolve('open'); });
    ws.once('unexpected-response', (req, res) => { res.resume(); resolve(res.statusCode); req.destroy(); });
    ws.once('error', (e) => resolve(`error ${e.message}`));
  });
}

describe('only the server\'s own pages and non-browser clients (Origin, Host)', () => {
  let app;
  let port;
  before(async () => {
    app = createQwopServer();
    port = await app.listen(0);
  });
  after(async () => { await app.close(); });

  test('WebSocket from a foreign origin is refused; own origins and no origin are accepted', async () => {
    for (const backend of ['node', 'page']) {
      const url = backend === 'node' ? `ws://127.0.0.1:${port}/agent?backend=node` : `ws://127.0.0.1:${port}/page?session=o`;
      for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`,
        `http://127.0.0.1:${port + 1}`, 'http://127.0.0.1', `http://localhost.evil.example:${port}`, 'file://']) {
        assert.equal(await tryWebSocket(url, { Origin: origin }), 403, `${backend} ${origin}`);
      }
      for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
        assert.equal(await tryWebSocket(url, { Origin: origin }), 'open', `${backend} ${origin}`);
      }
      assert.equal(await tryWebSocket(url, {}), 'open', `${backend} without Origin`);
    }
  });

  test('a foreign Host header (DNS rebinding) is refused, for pages and WebSockets', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`]) {
      for (const p of ['/', '/main.js', '/healthz']) {
        const r = await getWithHeaders(port, p, { Host: host });
        assert.equal(r.status, 403, `${host} ${p}`);
        assert.doesNotMatch(r.body, /<canvas/);
      }
      assert.equal(await tryWebSocket(`ws://127.0.0.1:${port}/agent?backend=node`, { Host: host }), 403, host);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, '127.0.0.1', 'LOCALHOST']) {
      assert.equal((await getWithHeaders(port, '/', { Host: host })).status, 200, host);
    }
  });

  test('--allow-origin adds origins (and their hosts); bad values are a usage error', async () => {
    const srv = await startServerProcess(['--allow-origin', 'http://example.test:8080']);
    try {
      const url = `ws://127.0.0.1:${srv.port}/agent?backend=node`;
      assert.equal(await tryWebSocket(url, { Origin: 'http://example.test:8080' }), 'open');
      assert.equal(await tryWebSocket(url, { Origin: 'http://example.test:8081' }), 403);
      assert.equal(await tryWebSocket(url, { Origin: 'http://evil.example' }), 403);
      assert.equal((await getWithHeaders(srv.port, '/', { Host: 'example.test:8080' })).status, 200);
    } finally {
      await srv.stop();
    }
    for (const bad of ['example.test', 'http://example.test/path', 'ftp://example.test']) {
      const r = await runToExit(['--allow-origin', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /--allow-origin .*not an origin/);
    }
  });
});

test('static files: a symbolic link in public/ may not lead out of it', async () => {
  const fs = require('fs');
  const pub = path.join(GAME_DIR, 'public');
  const linkFile = path.join(pub, `zz-test-link-${process.pid}.js`);
  const linkDir = path.join(pub, `zz-test-dir-${process.pid}`);
  const inside = path.join(pub, `zz-test-inside-${process.pid}.js`);
  fs.symlinkSync(path.join(GAME_DIR, 'server.js'), linkFile);
  fs.symlinkSync(path.join(GAME_DIR, 'lib'), linkDir);
  fs.symlinkSync(path.join(pub, 'main.js'), inside);
  const app = createQwopServer();
  try {
    const port = await app.listen(0);
    for (const p of [`/${path.basename(linkFile)}`, `/${path.basename(linkDir)}/app.js`]) {
      const r = await get(port, p);
      assert.equal(r.status, 404, p);
      assert.doesNotMatch(r.body, /createQwopServer|QWOP server/, p);
    }
    assert.equal((await get(port, `/${path.basename(inside)}`)).status, 200, 'a link that stays inside public/ is fine');
  } finally {
    await app.close();
    for (const f of [linkFile, linkDir, inside]) fs.unlinkSync(f);
  }
});

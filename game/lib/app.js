'use strict';
// The QWOP server: static files (lib/static.js) + the agent protocol over WebSocket
// (/agent?backend=node -> lib/headless.js, /agent?backend=page and /page -> lib/relay.js).
const http = require('http');
const { WebSocketServer } = require('ws');
const { serveStatic } = require('./static.js');
const { createHeadlessSession } = require('./headless.js');
const { Relay, BINARY_ERROR } = require('./relay.js');
const { parseRequest, errorReply, okReply, LIMITS } = require('./protocol.js');

// ---- who may talk to us: Host and Origin ------------------------------------------------------
// A page on another site (or a DNS name rebound to 127.0.0.1) must not drive the game. Plain HTTP
// requests must name this server in Host; WebSocket upgrades must also come from one of its own
// origins, or send no Origin at all (Python, Node and other non-browser clients).
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

// "Host" header -> {name, port} (port null when absent), or null if unreadable.
function splitHost(h) {
  if (typeof h !== 'string' || h === '') return null;
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?$/.exec(h);
  if (!m) return null;
  return { name: m[1].toLowerCase(), port: m[2] === undefined ? null : Number(m[2]) };
}

function hostName(host) {
  if (!host || host === '0.0.0.0' || host === '::') return null; // a wildcard is no name
  return host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase();
}

// allowOrigins: extra origins ("http://example.test:8080"), or "*" for any origin and any Host.
function createAccessCheck(host, allowOrigins, portOf) {
  const any = allowOrigins.includes('*');
  const extra = new Set();
  const extraNames = new Set();
  for (const o of allowOrigins) {
    if (o === '*') continue;
    const u = new URL(o); // checked by normaliseOrigins
    extra.add(u.origin);
    extraNames.add(splitHost(u.host).name);
  }
  const names = new Set(LOOPBACK_NAMES);
  const own = hostName(host);
  if (own) names.add(own);
  function hostOk(h) {
    if (any) return true;
    const p = splitHost(h);
    if (!p) return false;
    if (names.has(p.name)) return p.port === null || p.port === portOf();
    return extraNames.has(p.name);
  }
  function originOk(origin) {
    if (origin === undefined) return true; // not a browser
    if (any) return true;
    if (extra.has(origin)) return true;
    let u;
    try {
      u = new URL(origin);
    } catch (e) {
      return false;
    }
    if (u.protocol !== 'http:' || u.origin !== origin) return false;
    const p = splitHost(u.host);
    return !!p && names.has(p.name) && (p.port ?? 80) === portOf();
  }
  return { hostOk, originOk };
}

// --allow-origin values -> canonical origins ("*" kept); throws on anything that is not an origin.
function normaliseOrigins(list) {
  return (list || []).map((o) => {
    if (o === '*') return o;
    let u;
    try {
      u = new URL(o);
    } catch (e) {
      throw new Error(`--allow-origin ${JSON.stringify(o)}: not an origin (e.g. http://example.test:8080, or *)`);
    }
    if (!/^https?:$/.test(u.protocol) || u.pathname !== '/' || u.search || u.hash || u.username) {
      throw new Error(`--allow-origin ${JSON.stringify(o)}: not an origin (scheme://host[:port], nothing after it)`);
    }
    return u.origin;
  });
}

function rejectUpgrade(socket, status, message) {
  const body = message + '\n';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n\r\n${body}`);
}

// ---- backpressure ---------------------------------------------------------------------------------
// A client that sends requests but does not read the replies must not grow the server: requests
// are taken one at a time, and only while the connection's unsent replies are under
// maxUnsentBytes; above it the connection is not read (TCP pushes back on the client) until its
// replies drain. If they do not drain within stuckMs, it is closed with code 4429 (and its game
// freed).
const CLOSE_STUCK = 4429;

function gate(ws, handle, limits, onStuck) {
  const queue = [];
  let blocked = false;
  let timer = null;
  let busy = false;
  const socket = ws._socket;
  const onDrain = () => {
    if (!blocked) return;
    blocked = false;
    clearTimeout(timer);
    timer = null;
    ws.resume();
    pump();
  };
  function pump() {
    if (busy) return;
    busy = true;
    try {
      while (queue.length && ws.readyState === 1) {
        if (ws.bufferedAmount > limits.maxUnsentBytes) {
          if (!blocked) {
            blocked = true;
            ws.pause();
            socket.once('drain', onDrain);
            timer = setTimeout(() => {
              timer = null;
              if (!blocked || ws.readyState !== 1) return;
              queue.length = 0;
              onStuck();
              ws.close(CLOSE_STUCK, 'replies not read: more than ' +
                `${limits.maxUnsentBytes} bytes unsent for ${limits.stuckMs} ms`);
              // the close frame waits behind the unread replies: a client that still reads nothing
              // is dropped soon after, and the memory its replies held with it
              setTimeout(() => { if (ws.readyState !== 3) ws.terminate(); }, limits.closeGraceMs).unref();
            }, limits.stuckMs);
          }
          return;
        }
        const m = queue.shift();
        handle(m.data, m.isBinary);
      }
    } finally {
      busy = false;
    }
  }
  ws.on('message', (data, isBinary) => {
    queue.push({ data, isBinary });
    pump();
  });
  ws.on('close', () => {
    queue.length = 0;
    clearTimeout(timer);
    socket.off('drain', onDrain);
  });
}

function handleHeadless(ws, limits, counts, log) {
  let session = null;
  let loadError = null;
  try {
    session = createHeadlessSession();
    counts.games++;
  } catch (e) {
    loadError = `the game core could not be loaded: ${e.message}`;
  }
  const free = () => {
    if (session) counts.games--;
    session = null;
  };
  ws.on('error', () => {});
  ws.on('close', free);
  gate(ws, (data, isBinary) => {
    let id = null;
    let reply;
    try {
      if (isBinary) throw new Error(BINARY_ERROR);
      const parsed = parseRequest(data);
      id = parsed.id;
      if (!session) throw new Error(loadError || 'connection closing');
      counts.requests++;
      reply = okReply(id, session.handle(parsed.req));
    } catch (e) {
      reply = errorReply(e.id !== undefined ? e.id : id, e.message || String(e));
    }
    ws.send(reply);
  }, limits, () => {
    log(`closed an agent that did not read its replies (code ${CLOSE_STUCK})`);
    free();
  });
}

// opts: {host, port, pageWaitMs, log, allowOrigins: [origin | '*'], maxUnsentBytes, stuckMs}
function createQwopServer(opts = {}) {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log || (() => {});
  const relay = new Relay({ pageWaitMs: opts.pageWaitMs });
  const limits = {
    maxUnsentBytes: opts.maxUnsentBytes ?? LIMITS.maxUnsentBytes,
    stuckMs: opts.stuckMs ?? LIMITS.stuckMs,
    closeGraceMs: opts.closeGraceMs ?? 2000,
  };
  const counts = { games: 0, requests: 0 };
  const access = createAccessCheck(host, normaliseOrigins(opts.allowOrigins), () => server.address()?.port);

  const server = http.createServer((req, res) => {
    if (!access.hostOk(req.headers.host)) {
      const body = Buffer.from('forbidden: this server answers only to its own address (Host header)\n');
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, Connection: 'close' });
      res.end(body);
      return;
    }
    if (req.url === '/healthz') {
      const body = Buffer.from('{"ok":true}\n');
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    serveStatic(req, res);
  });
  server.keepAliveTimeout = 5000;

  const agentWss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxAgentPayload, perMessageDeflate: false });
  const pageWss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxPagePayload, perMessageDeflate: false });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    if (!access.hostOk(req.headers.host)) {
      return rejectUpgrade(socket, '403 Forbidden', 'this server answers only to its own address (Host header)');
    }
    if (!access.originOk(req.headers.origin)) {
      log(`refused a WebSocket from origin ${JSON.stringify(req.headers.origin)}`);
      return rejectUpgrade(socket, '403 Forbidden', `origin ${JSON.stringify(String(req.headers.origin)).slice(0, 200)} ` +
        'may not connect (only this server\'s own pages; see --allow-origin)');
    }
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch (e) {
      return rejectUpgrade(socket, '400 Bad Request', 'bad url');
    }
    const q = url.searchParams;
    if (url.pathname === '/agent') {
      const backend = q.get('backend') || 'node';
      if (backend === 'node') {
        agentWss.handleUpgrade(req, socket, head, (ws) => {
          log(`agent connected (backend=node)`);
          handleHeadless(ws, limits, counts, log);
        });
        return;
      }
      if (backend === 'page') {
        const session = q.get('session') || 'default';
        if (!Relay.validSession(session)) return rejectUpgrade(socket, '400 Bad Request', 'bad session id (1-64 of A-Z a-z 0-9 _ . -)');
        agentWss.handleUpgrade(req, socket, head, (ws) => {
          log(`agent connected (backend=page, session=${session})`);
          relay.addAgent(ws, session, (onMessage) => gate(ws, onMessage, limits, () => {}));
        });
        return;
      }
      return rejectUpgrade(socket, '400 Bad Request', `unknown backend ${JSON.stringify(backend)} (node or page)`);
    }
    if (url.pathname === '/page') {
      const session = q.get('session') || 'default';
      if (!Relay.validSession(session)) return rejectUpgrade(socket, '400 Bad Request', 'bad session id (1-64 of A-Z a-z 0-9 _ . -)');
      pageWss.handleUpgrade(req, socket, head, (ws) => {
        log(`page connected (session=${session})`);
        relay.addPage(ws, session);
      });
      return;
    }
    rejectUpgrade(socket, '404 Not Found', 'no such WebSocket endpoint (use /agent or /page)');
  });

  function listen(port = opts.port ?? 3000) {
    return new Promise((resolve, reject) => {
      const onError = (err) => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });
  }

  let closing = null;
  function close() {
    if (closing) return closing;
    closing = new Promise((resolve) => {
      relay.closeAll();
      for (const wss of [agentWss, pageWss]) {
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      }
      server.close(() => resolve());
      // Give the close frames a moment, then drop whatever is left.
      setTimeout(() => {
        for (const wss of [agentWss, pageWss]) for (const ws of wss.clients) ws.terminate();
        if (server.closeAllConnections) server.closeAllConnections();
      }, 200).unref();
    });
    return closing;
  }

  // live headless games, requests run by them, open agent connections (tests, --verbose)
  function stats() {
    let unsent = 0;
    for (const ws of agentWss.clients) unsent += ws.bufferedAmount;
    return { games: counts.games, requests: counts.requests, agents: agentWss.clients.size, unsent };
  }

  return { server, relay, listen, close, host, stats };
}

module.exports = { createQwopServer, normaliseOrigins, CLOSE_STUCK };

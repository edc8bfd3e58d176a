'use strict';
// The QWOP server: static files (lib/static.js) + the agent protocol over WebSocket
// (/agent?backend=node -> lib/headless.js, /agent?backend=page and /page -> lib/relay.js).
const http = require('http');
const { WebSocketServer } = require('ws');
const { serveStatic } = require('./static.js');
const { createHeadlessSession } = require('./headless.js');
const { Relay } = require('./relay.js');
const { parseRequest, errorReply, okReply, LIMITS } = require('./protocol.js');

function rejectUpgrade(socket, status, message) {
  const body = message + '\n';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n\r\n${body}`);
}

function handleHeadless(ws) {
  let session = null;
  let loadError = null;
  try {
    session = createHeadlessSession();
  } catch (e) {
    loadError = `the game core could not be loaded: ${e.message}`;
  }
  ws.on('error', () => {});
  ws.on('message', (data) => {
    let id = null;
    let reply;
    try {
      const parsed = parseRequest(data);
      id = parsed.id;
      if (!session) throw new Error(loadError);
      reply = okReply(id, session.handle(parsed.req));
    } catch (e) {
      reply = errorReply(e.id !== undefined ? e.id : id, e.message || String(e));
    }
    ws.send(reply);
  });
}

// opts: {host, port, pageWaitMs, log}
function createQwopServer(opts = {}) {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log || (() => {});
  const relay = new Relay({ pageWaitMs: opts.pageWaitMs });

  const server = http.createServer((req, res) => {
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
          handleHeadless(ws);
        });
        return;
      }
      if (backend === 'page') {
        const session = q.get('session') || 'default';
        if (!Relay.validSession(session)) return rejectUpgrade(socket, '400 Bad Request', 'bad session id (1-64 of A-Z a-z 0-9 _ . -)');
        agentWss.handleUpgrade(req, socket, head, (ws) => {
          log(`agent connected (backend=page, session=${session})`);
          relay.addAgent(ws, session);
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

  return { server, relay, listen, close, host };
}

module.exports = { createQwopServer };

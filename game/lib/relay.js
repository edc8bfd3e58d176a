'use strict';
// backend=page: agents are paired with pages opened in agent mode by a session id.
//   page:  ws://HOST/page?session=ID           (public/main.js, opened as /?agent=1&session=ID)
//   agent: ws://HOST/agent?backend=page&session=ID
// One page and one agent per session. The server validates every agent request, forwards it
// to the page as {"rid": N, ...request} and forwards the page's reply {"rid": N, ...} to the
// agent as {"id": <agent's id>, ...}. Requests sent before a page is there wait for one
// (pageWaitMs); requests in flight when the page goes away are answered with an error.
const { parseRequest, errorReply, idJson, LIMITS } = require('./protocol.js');

const BINARY_ERROR = 'binary frames are not requests: send each request as a text frame of JSON';
const SESSION_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const RID_RE = /^\{"rid":(\d+),/;

class Relay {
  constructor(opts = {}) {
    this.pageWaitMs = opts.pageWaitMs ?? 15000;
    this.sessions = new Map();
    this.nextRid = 1;
  }

  static validSession(id) { return typeof id === 'string' && SESSION_RE.test(id); }

  session(id) {
    let s = this.sessions.get(id);
    if (!s) {
      s = { id, page: null, agent: null, pending: new Map(), waiting: [] };
      this.sessions.set(id, s);
    }
    return s;
  }

  gc(s) {
    if (!s.page && !s.agent && s.pending.size === 0 && s.waiting.length === 0) this.sessions.delete(s.id);
  }

  // ---- pages -------------------------------------------------------------------------------
  addPage(ws, sessionId) {
    const s = this.session(sessionId);
    if (s.page) {
      ws.close(4409, `session ${sessionId} already has a page`);
      return;
    }
    s.page = ws;
    ws.on('message', (data) => this.onPageMessage(s, ws, data));
    ws.on('close', () => this.onPageClose(s, ws));
    ws.on('error', () => {});
    // Requests that arrived before the page: send them now, in order.
    const waiting = s.waiting;
    s.waiting = [];
    for (const w of waiting) {
      clearTimeout(w.timer);
      this.forward(s, w.agent, w.id, w.req);
    }
  }

  onPageMessage(s, ws, data) {
    const text = typeof data === 'string' ? data : data.toString('utf8');
    const m = RID_RE.exec(text);
    if (!m) return; // not a reply (the page sends nothing else); ignore
    const rid = Number(m[1]);
    const p = s.pending.get(rid);
    if (!p) return;
    s.pending.delete(rid);
    if (p.agent.readyState === 1) p.agent.send(`{"id":${idJson(p.id)},${text.slice(m[0].length)}`);
  }

  onPageClose(s, ws) {
    if (s.page !== ws) return;
    s.page = null;
    const pending = s.pending;
    s.pending = new Map();
    for (const p of pending.values()) {
      if (p.agent.readyState === 1) p.agent.send(errorReply(p.id, `page disconnected (session ${s.id})`));
    }
    this.gc(s);
  }

  // ---- agents ------------------------------------------------------------------------------
  // gate(onMessage): how the agent's messages are delivered (app.js: backpressure); default: as they come.
  addAgent(ws, sessionId, gate = null) {
    const s = this.session(sessionId);
    if (s.agent) {
      ws.close(4409, `session ${sessionId} already has an agent (one agent per page)`);
      return;
    }
    s.agent = ws;
    const onMessage = (data, isBinary) => this.onAgentMessage(s, ws, data, isBinary);
    if (gate) gate(onMessage);
    else ws.on('message', onMessage);
    ws.on('close', () => {
      if (s.agent === ws) s.agent = null;
      s.waiting = s.waiting.filter((w) => {
        if (w.agent !== ws) return true;
        clearTimeout(w.timer);
        return false;
      });
      this.gc(s);
    });
    ws.on('error', () => {});
  }

  onAgentMessage(s, ws, data, isBinary = false) {
    let id;
    let req;
    try {
      if (isBinary) throw new Error(BINARY_ERROR);
      ({ id, req } = parseRequest(data));
    } catch (e) {
      ws.send(errorReply(e.id ?? null, e.message));
      return;
    }
    if (s.page && s.page.readyState === 1) {
      this.forward(s, ws, id, req);
      return;
    }
    const w = { agent: ws, id, req, timer: null };
    w.timer = setTimeout(() => {
      const i = s.waiting.indexOf(w);
      if (i >= 0) s.waiting.splice(i, 1);
      if (ws.readyState === 1) {
        ws.send(errorReply(id, `no page in agent mode connected for session ${s.id} ` +
          `(open /?agent=1&session=${s.id}) after ${this.pageWaitMs} ms`));
      }
      this.gc(s);
    }, this.pageWaitMs);
    s.waiting.push(w);
  }

  forward(s, agent, id, req) {
    const rid = this.nextRid++;
    s.pending.set(rid, { agent, id });
    // rid first: the page echoes it first, and the reply is re-addressed without parsing it.
    s.page.send(JSON.stringify(Object.assign({ rid }, req)));
  }

  closeAll() {
    for (const s of this.sessions.values()) {
      for (const w of s.waiting) clearTimeout(w.timer);
      s.waiting = [];
    }
  }
}

module.exports = { Relay, LIMITS, BINARY_ERROR };

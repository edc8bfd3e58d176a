'use strict';
// A small reference client for the agent protocol (used by the tests and scripts/bench.js).
//   const c = await connectAgent('ws://127.0.0.1:3000/agent?backend=node');
//   const r = await c.request({cmd: 'step', keys: 1, frames: 1});   // -> reply object
const WebSocket = require('ws');
const { spawn } = require('child_process');
const path = require('path');

function connectAgent(url, opts = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    const pending = new Map();
    let nextId = 1;
    let closed = null;
    const rawWaiters = [];
    const failAll = (why) => {
      for (const p of pending.values()) p.reject(new Error(why));
      pending.clear();
    };
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString('utf8'));
      const p = pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        p.resolve(msg);
      } else if (rawWaiters.length) {
        rawWaiters.shift()(msg);
      }
    });
    ws.on('close', (code, reason) => {
      closed = { code, reason: reason.toString() };
      failAll(`connection closed (${code} ${reason})`);
    });
    ws.once('error', (e) => {
      failAll(e.message);
      reject(e);
    });
    ws.once('open', () => {
      resolve({
        ws,
        get closed() { return closed; },
        // Sends a request with a fresh numeric id (unless it has one) and waits for its reply.
        request(obj) {
          const id = obj.id !== undefined ? obj.id : nextId++;
          return new Promise((res, rej) => {
            if (ws.readyState !== 1) return rej(new Error('connection closed'));
            pending.set(id, { resolve: res, reject: rej });
            ws.send(JSON.stringify(Object.assign({}, obj, { id })));
          });
        },
        // Sends raw text; resolves with the next reply that matches no pending request.
        raw(text) {
          return new Promise((res, rej) => {
            rawWaiters.push(res);
            ws.send(text, (err) => err && rej(err));
          });
        },
        close() {
          return new Promise((res) => {
            if (ws.readyState === 3) return res();
            ws.once('close', () => res());
            ws.close();
          });
        },
      });
    });
  });
}

// Starts `node server.js --port 0 ...` in game/ and resolves {proc, port, url, stop()} once it
// prints its listening line.
function startServerProcess(args = [], opts = {}) {
  const gameDir = path.resolve(__dirname, '..');
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['server.js', '--port', '0', '--exit-on-stdin-close', ...args], {
      cwd: gameDir, stdio: ['pipe', 'pipe', 'pipe'], env: Object.assign({}, process.env, opts.env || {}),
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}${err}`));
    }, opts.timeoutMs || 10000);
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /QWOP server listening on (http:\/\/(\S+):(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout.removeAllListeners('data');
        proc.stdout.resume();
        const port = Number(m[3]);
        resolve({
          proc, port, url: m[1],
          stop() {
            return new Promise((res) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return res(proc.exitCode);
              proc.once('exit', (code) => res(code));
              proc.kill('SIGTERM');
            });
          },
        });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}${err}`));
    });
  });
}

module.exports = { connectAgent, startServerProcess };

'use strict';
// The agent protocol over a real server on a free port (in-process): backend=node round trips,
// bad messages, the page relay (with a stand-in page running the same driver as public/main.js).
const { test, before, after, describe } = require('node:test');
const assert = require('node:assert/strict');
const WebSocket = require('ws');
const { createQwopServer } = require('../lib/app.js');
const { connectAgent } = require('../lib/client.js');
const { createHeadlessSession, loadCore } = require('../lib/headless.js');
const { LIMITS } = require('../lib/protocol.js');

let app;
let base;

before(async () => {
  app = createQwopServer({ host: '127.0.0.1', pageWaitMs: 400 });
  const port = await app.listen(0);
  base = `ws://127.0.0.1:${port}`;
});

after(async () => {
  await app.close();
});

function checkState(s) {
  const { constants } = loadCore();
  assert.equal(typeof s, 'object');
  assert.equal(s.bodies.length, constants.state_body_order.length);
  for (const row of s.bodies) {
    assert.equal(row.length, constants.state_body_fields.length);
    for (const x of row) assert.ok(Number.isFinite(x));
  }
  for (const f of ['distance', 'clock']) assert.equal(typeof s[f], 'number', f);
  assert.ok(Number.isInteger(s.frame));
  for (const f of ['fallen', 'jumped', 'finished']) assert.equal(typeof s[f], 'boolean', f);
  assert.equal(typeof s.hip_limits, 'object');
}

// A deterministic key sequence: [keys, frames] pairs.
function keySequence(n, seed = 7) {
  let x = seed;
  const out = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push([x % 16, 1 + ((x >> 8) % 4)]);
  }
  return out;
}

describe('backend=node', () => {
  let c;
  before(async () => { c = await connectAgent(`${base}/agent?backend=node`); });
  after(async () => { await c.close(); });

  test('ping', async () => {
    const r = await c.request({ id: 'p', cmd: 'ping' });
    assert.equal(r.id, 'p');
    assert.equal(r.ok, true);
    assert.equal(r.backend, 'node');
  });

  test('reset, step, state round trip', async () => {
    const r0 = await c.request({ cmd: 'reset' });
    assert.equal(r0.ok, true, r0.error);
    checkState(r0.state);
    assert.equal(r0.state.frame, 0);
    const r1 = await c.request({ cmd: 'step', keys: 1 | 8, frames: 3 });
    assert.equal(r1.ok, true, r1.error);
    checkState(r1.state);
    assert.equal(r1.state.frame, 3);
    const r2 = await c.request({ cmd: 'step', keys: 2 });   // frames defaults to 1
    assert.equal(r2.state.frame, 4);
    assert.notDeepEqual(r2.state.bodies, r0.state.bodies);
    const r3 = await c.request({ cmd: 'state' });
    assert.deepEqual(r3.state, r2.state);
  });

  test('reset takes no seed: one sent by an older client is ignored', async () => {
    const plain = await c.request({ cmd: 'reset' });
    await c.request({ cmd: 'step', keys: 5, frames: 7 });
    const seeded = await c.request({ cmd: 'reset', seed: 'x' });
    assert.equal(seeded.ok, true, seeded.error);
    assert.deepEqual(seeded.state, plain.state);
  });

  test('ids come back as sent (numbers, strings, absent)', async () => {
    assert.equal((await c.request({ id: 42, cmd: 'state' })).id, 42);
    assert.equal((await c.request({ id: 'abc', cmd: 'state' })).id, 'abc');
    const r = await c.raw('{"cmd":"ping"}');
    assert.equal(r.id, null);
    assert.equal(r.ok, true);
  });

  test('set_state restores a state exactly', async () => {
    await c.request({ cmd: 'reset' });
    const saved = (await c.request({ cmd: 'step', keys: 5, frames: 20 })).state;
    await c.request({ cmd: 'step', keys: 10, frames: 15 });
    const r = await c.request({ cmd: 'set_state', state: saved });
    assert.equal(r.ok, true, r.error);
    assert.deepEqual(r.state, saved);
    assert.deepEqual((await c.request({ cmd: 'state' })).state, saved);
    const next = await c.request({ cmd: 'step', keys: 0, frames: 1 });
    assert.equal(next.ok, true);
    assert.equal(next.state.frame, saved.frame + 1);
  });

  test('same keys, same states: two sessions and the core stepped directly agree exactly', async () => {
    const seq = keySequence(40);
    const c2 = await connectAgent(`${base}/agent?backend=node`);
    try {
      await c.request({ cmd: 'reset' });
      await c2.request({ cmd: 'reset' });
      const direct = createHeadlessSession().game;
      direct.reset();
      let a;
      let b;
      for (const [k, f] of seq) {
        a = (await c.request({ cmd: 'step', keys: k, frames: f })).state;
        b = (await c2.request({ cmd: 'step', keys: k, frames: f })).state;
      }
      let d;
      for (const [k, f] of seq) d = direct.step(k, f);
      assert.deepEqual(a, b);
      assert.equal(JSON.stringify(a), JSON.stringify(d));
    } finally {
      await c2.close();
    }
  });

  test('steps batch equals the single steps; states:true returns every state', async () => {
    const seq = keySequence(25, 3);
    await c.request({ cmd: 'reset' });
    const singles = [];
    for (const [k, f] of seq) singles.push((await c.request({ cmd: 'step', keys: k, frames: f })).state);
    await c.request({ cmd: 'reset' });
    const r = await c.request({ cmd: 'steps', steps: seq, states: true });
    assert.equal(r.ok, true, r.error);
    assert.equal(r.states.length, seq.length);
    assert.deepEqual(r.states, singles);
    assert.deepEqual(r.state, singles[singles.length - 1]);
    await c.request({ cmd: 'reset' });
    const r2 = await c.request({ cmd: 'steps', steps: seq });
    assert.equal(r2.states, undefined);
    assert.deepEqual(r2.state, singles[singles.length - 1]);
  });

  test('frame on backend=node: pixels if a software renderer is there, else a clear error', async () => {
    const r = await c.request({ cmd: 'step', keys: 0, frames: 1, frame: [16, 8] });
    if (r.ok) {
      assert.equal(r.frame.width, 16);
      assert.equal(r.frame.height, 8);
      assert.equal(Buffer.from(r.frame.data, 'base64').length, 16 * 8 * 3);
    } else {
      assert.match(r.error, /frame/);
    }
  });

  test('bad requests get error replies and the session goes on', async () => {
    const bad = [
      ['not json', 'malformed JSON'],
      ['[1,2]', /object/],
      ['"step"', /object/],
      ['null', /object/],
      ['{"id":1}', /cmd/],
      ['{"id":1,"cmd":"jump"}', /unknown cmd/],
      ['{"id":1,"cmd":"step"}', /keys/],
      ['{"id":1,"cmd":"step","keys":16}', /keys/],
      ['{"id":1,"cmd":"step","keys":-1}', /keys/],
      ['{"id":1,"cmd":"step","keys":1.5}', /keys/],
      ['{"id":1,"cmd":"step","keys":"1"}', /keys/],
      ['{"id":1,"cmd":"step","keys":1,"frames":0}', /frames/],
      [`{"id":1,"cmd":"step","keys":1,"frames":${LIMITS.maxFramesPerStep + 1}}`, /frames/],
      ['{"id":1,"cmd":"step","keys":1,"frames":1,"frame":[0,4]}', /frame/],
      ['{"id":1,"cmd":"step","keys":1,"frames":1,"frame":[64]}', /frame/],
      ['{"id":1,"cmd":"steps","steps":[]}', /steps/],
      ['{"id":1,"cmd":"steps","steps":[[1,2],[99,1]]}', /keys/],
      ['{"id":1,"cmd":"set_state"}', /state/],
      ['{"id":1,"cmd":"set_state","state":{"bodies":[[1,2,3]]}}', /bodies/],
      ['{"id":1,"cmd":"frame","width":10}', /width/],
      ['{"id":{"a":1},"cmd":"ping"}', /id/],
    ];
    for (const [text, err] of bad) {
      const r = await c.raw(text);
      assert.equal(r.ok, false, text);
      assert.match(r.error, err instanceof RegExp ? err : new RegExp(err), text);
    }
    const r = await c.request({ cmd: 'ping' });
    assert.equal(r.ok, true);
  });

  test('a set_state the core rejects is an error reply, not a crash', async () => {
    const s = (await c.request({ cmd: 'reset' })).state;
    const odd = Object.assign({}, s, { hip_limits: 'no' });
    const r = await c.request({ cmd: 'set_state', state: odd });
    assert.equal(r.ok, false);
    assert.equal((await c.request({ cmd: 'ping' })).ok, true);
  });
});

test('oversized message: the connection is closed with a reason, the server goes on', async () => {
  const c = await connectAgent(`${base}/agent?backend=node`);
  const closed = new Promise((resolve) => c.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  c.ws.send('x'.repeat(LIMITS.maxAgentPayload + 10));
  const { code } = await closed;
  assert.equal(code, 1009);
  const c2 = await connectAgent(`${base}/agent?backend=node`);
  assert.equal((await c2.request({ cmd: 'ping' })).ok, true);
  await c2.close();
});

test('unknown backend and unknown path are refused at the upgrade', async () => {
  for (const p of ['/agent?backend=python', '/nowhere', '/agent?backend=page&session=../x']) {
    await assert.rejects(() => connectAgent(`${base}${p}`), /Unexpected server response: (400|404)/, p);
  }
});

test('many connections: each has its own game', async () => {
  const cs = await Promise.all([1, 2, 3].map(() => connectAgent(`${base}/agent?backend=node`)));
  try {
    await Promise.all(cs.map((c, i) => c.request({ cmd: 'step', keys: 0, frames: i + 1 })));
    const frames = await Promise.all(cs.map(async (c) => (await c.request({ cmd: 'state' })).state.frame));
    assert.deepEqual(frames, [1, 2, 3]);
  } finally {
    await Promise.all(cs.map((c) => c.close()));
  }
});

// ---- backend=page, with a stand-in page: the page's side of public/main.js over the driver.
function fakePage(session, opts = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base}/page?session=${session}`);
    const s = createHeadlessSession();
    const seen = [];
    ws.on('message', (data) => {
      const req = JSON.parse(String(data));
      seen.push(req);
      if (opts.silent) return;
      let reply;
      try {
        reply = `{"rid":${req.rid},"ok":true,${JSON.stringify(s.handle(req)).slice(1)}`;
      } catch (e) {
        reply = `{"rid":${req.rid},"ok":false,"error":${JSON.stringify(e.message)}}`;
      }
      ws.send(reply);
    });
    ws.once('open', () => resolve({ ws, seen, game: s.game }));
    ws.once('error', reject);
  });
}

describe('backend=page relay', () => {
  test('requests are relayed to the page and the replies come back with the agent ids', async () => {
    const page = await fakePage('relay1');
    const c = await connectAgent(`${base}/agent?backend=page&session=relay1`);
    try {
      const r0 = await c.request({ id: 'a', cmd: 'reset' });
      assert.equal(r0.id, 'a');
      assert.equal(r0.ok, true, r0.error);
      checkState(r0.state);
      const r1 = await c.request({ id: 7, cmd: 'step', keys: 3, frames: 2 });
      assert.equal(r1.id, 7);
      assert.equal(r1.state.frame, 2);
      const bad = await c.raw('{"id":9,"cmd":"step","keys":99}');
      assert.equal(bad.ok, false);
      assert.equal(bad.id, 9);
      assert.equal(page.seen.length, 2, 'invalid requests are answered by the server, not relayed');
      const e = await c.request({ id: 10, cmd: 'frame', width: 8, height: 8 });  // stand-in page: node driver
      assert.equal(e.id, 10);
    } finally {
      await c.close();
      page.ws.close();
    }
  });

  test('one agent per page: a second agent on the session is closed with a reason', async () => {
    const page = await fakePage('relay2');
    const c = await connectAgent(`${base}/agent?backend=page&session=relay2`);
    try {
      const c2 = await connectAgent(`${base}/agent?backend=page&session=relay2`);
      const code = await new Promise((resolve) => c2.ws.once('close', (cd) => resolve(cd)));
      assert.equal(code, 4409);
      assert.equal((await c.request({ cmd: 'ping' })).ok, true);
    } finally {
      await c.close();
      page.ws.close();
    }
  });

  test('a page that disconnects gives the waiting agent an error, not a hang', async () => {
    const page = await fakePage('relay3', { silent: true });
    const c = await connectAgent(`${base}/agent?backend=page&session=relay3`);
    try {
      const p = c.request({ cmd: 'step', keys: 1, frames: 1 });
      while (page.seen.length === 0) await new Promise((r) => setTimeout(r, 10));
      page.ws.close();
      const r = await p;
      assert.equal(r.ok, false);
      assert.match(r.error, /page disconnected/);
    } finally {
      await c.close();
    }
  });

  test('no page: the request waits for one, then gets an error', async () => {
    const c = await connectAgent(`${base}/agent?backend=page&session=nopage`);
    try {
      const r = await c.request({ cmd: 'state' });
      assert.equal(r.ok, false);
      assert.match(r.error, /no page/);
    } finally {
      await c.close();
    }
  });

  test('a page that comes late gets the waiting requests', async () => {
    const c = await connectAgent(`${base}/agent?backend=page&session=late`);
    let page;
    try {
      const p = c.request({ cmd: 'reset' });
      await new Promise((r) => setTimeout(r, 100));
      page = await fakePage('late');
      const r = await p;
      assert.equal(r.ok, true, r.error);
    } finally {
      await c.close();
      if (page) page.ws.close();
    }
  });
});

test('binary frames are refused with an error reply (requests are text), on both backends', async () => {
  const page = await fakePage('binary1');
  for (const url of [`${base}/agent?backend=node`, `${base}/agent?backend=page&session=binary1`]) {
    const c = await connectAgent(url);
    try {
      const reply = new Promise((resolve) => c.ws.once('message', (d) => resolve(JSON.parse(String(d)))));
      c.ws.send(Buffer.from('{"id":1,"cmd":"ping"}'), { binary: true });
      const r = await reply;
      assert.equal(r.ok, false, url);
      assert.match(r.error, /binary frames are not requests/);
      assert.equal((await c.request({ cmd: 'ping' })).ok, true, 'the connection stays open');
    } finally {
      await c.close();
    }
  }
  assert.equal(page.seen.length, 1, 'the binary request was not relayed');
  page.ws.close();
});

test('invalid UTF-8 in a text frame closes the connection with 1007 (as documented)', async () => {
  const c = await connectAgent(`${base}/agent?backend=node`);
  const closed = new Promise((resolve) => c.ws.once('close', (code) => resolve(code)));
  const frame = WebSocket.Sender.frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    { fin: true, rsv1: false, opcode: 1, mask: true, readOnly: false });
  for (const b of frame) c.ws._socket.write(b); // a text frame that is not UTF-8
  assert.equal(await closed, 1007);
});

// Waits until pred() holds (polling; no time limit of its own: the test runner's applies).
async function until(pred) {
  while (!pred()) await new Promise((r) => setTimeout(r, 20));
}

test('a client that never reads its replies: the server stops reading it, then closes it (4429) and frees its game', async () => {
  const small = createQwopServer({ maxUnsentBytes: 256 * 1024, stuckMs: 1500, closeGraceMs: 60000 });
  const port = await small.listen(0);
  try {
    const c = await connectAgent(`ws://127.0.0.1:${port}/agent?backend=node`);
    assert.equal(small.stats().games, 1);
    const closed = new Promise((resolve) => c.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    c.ws.pause(); // read nothing from now on
    const req = JSON.stringify({ cmd: 'steps', steps: keySequence(1000), states: true }); // ~1.8 MB replies
    for (let i = 0; i < 40; i++) c.ws.send(req.replace('{', `{"id":${i},`));
    let maxUnsent = 0;
    await until(() => {
      maxUnsent = Math.max(maxUnsent, small.stats().unsent);
      return small.stats().games === 0;
    });
    const s = small.stats();
    assert.ok(s.requests < 40, `it kept running requests (${s.requests}) for a client that reads nothing`);
    // one reply past the bound at most (a 1000-state reply is under 4 MB)
    assert.ok(maxUnsent < 256 * 1024 + 4 * 1024 * 1024, `unsent replies grew to ${maxUnsent} bytes`);
    c.ws.resume(); // now read: the replies sent so far, then the close frame
    const { code, reason } = await closed;
    assert.equal(code, 4429);
    assert.match(reason, /replies not read/);
    await until(() => small.stats().agents === 0);
    // the server goes on
    const c2 = await connectAgent(`ws://127.0.0.1:${port}/agent?backend=node`);
    assert.equal((await c2.request({ cmd: 'ping' })).ok, true);
    await c2.close();
  } finally {
    await small.close();
  }
});

test('a client that reads slowly is only slowed down: every pipelined request is answered, in order', async () => {
  const small = createQwopServer({ maxUnsentBytes: 64 * 1024, stuckMs: 60000 });
  const port = await small.listen(0);
  try {
    const c = await connectAgent(`ws://127.0.0.1:${port}/agent?backend=node`);
    c.ws.pause();
    const replies = [];
    c.ws.on('message', (d) => replies.push(JSON.parse(String(d)).id));
    const req = JSON.stringify({ cmd: 'steps', steps: keySequence(300), states: true });
    for (let i = 0; i < 40; i++) c.ws.send(req.replace('{', `{"id":${i},`));
    await until(() => small.stats().unsent > 64 * 1024);
    assert.ok(small.stats().requests < 40);
    c.ws.resume();
    await until(() => replies.length === 40);
    assert.deepEqual(replies, [...Array(40).keys()]);
    assert.equal(small.stats().games, 1);
    await c.close();
    await until(() => small.stats().games === 0);
  } finally {
    await small.close();
  }
});

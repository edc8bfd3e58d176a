#!/usr/bin/env node
'use strict';
// npm run bench: game frames per second
//   1. core: the headless game stepped directly in Node (src/qwop.js + box2dweb)
//   2. ws node: stepped over the WebSocket protocol, backend=node, one frame per request
//   3. ws node + frame: the same with a 64x64 frame in every reply
//   4. ws page: through the page relay to headless chromium (if chromium is there), one frame per request
// One run; prints every figure and the ratios to the core's. Options (env): BENCH_SECONDS (per figure,
// default 3), QWOP_CHROMIUM (browser executable), BENCH_NO_BROWSER=1.
const fs = require('fs');
const path = require('path');
const { createHeadlessSession } = require('../lib/headless.js');
const { createQwopServer } = require('../lib/app.js');
const { connectAgent } = require('../lib/client.js');

const SECONDS = Number(process.env.BENCH_SECONDS || 3);

// A fixed pseudo-random key sequence (changing every 5 frames), restarting the race when it ends.
function makeKeys() {
  let x = 12345;
  let k = 0;
  let n = 0;
  return () => {
    if (n++ % 5 === 0) {
      x = (x * 1103515245 + 12345) % 2147483648;
      k = x % 16;
    }
    return k;
  };
}

async function timeLoop(stepOnce) {
  // warm-up, then as many frames as fit in SECONDS
  for (let i = 0; i < 50; i++) await stepOnce();
  let frames = 0;
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(SECONDS * 1e9));
  let t;
  do {
    for (let i = 0; i < 50; i++) frames += await stepOnce();
    t = process.hrtime.bigint() - t0;
  } while (t < limit);
  return frames / (Number(t) / 1e9);
}

function benchCore() {
  const { game } = createHeadlessSession();
  const keys = makeKeys();
  game.reset();
  return timeLoop(() => {
    const s = game.step(keys(), 1);
    if (s.fallen || s.finished) game.reset();
    return 1;
  });
}

async function benchWs(url, frame, conn) {
  const c = conn || await connectAgent(url);
  try {
    const keys = makeKeys();
    await c.request({ cmd: 'reset' });
    const req = { cmd: 'step', keys: 0, frames: 1 };
    if (frame) req.frame = frame;
    return await timeLoop(async () => {
      req.keys = keys();
      const r = await c.request(req);
      if (!r.ok) throw new Error(r.error);
      if (r.state.fallen || r.state.finished) await c.request({ cmd: 'reset' });
      return 1;
    });
  } finally {
    if (!conn) await c.close();
  }
}

function findChromium() {
  const cands = [process.env.QWOP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return cands.find((p) => fs.existsSync(p)) || null;
}

async function benchPage(base, port) {
  const exe = findChromium();
  if (!exe || process.env.BENCH_NO_BROWSER) return { skipped: exe ? 'BENCH_NO_BROWSER' : 'no chromium' };
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?agent=1&session=bench${process.env.BENCH_DRAW === '0' ? '&draw=0' : ''}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    const c = await connectAgent(`${base}/agent?backend=page&session=bench`);
    let relay;
    let relayFrame;
    try {
      relay = await benchWs(null, null, c);
      relayFrame = await benchWs(null, [64, 64], c);
    } finally {
      await c.close();
    }
    // The core stepped inside the page, no protocol (window.qwop from Playwright, batched).
    const inPage = await page.evaluate((secs) => {
      const q = window.qwop;
      q.reset();
      let x = 12345;
      let k = 0;
      let frames = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < secs * 1000) {
        for (let i = 0; i < 50; i++) {
          if (frames % 5 === 0) { x = (x * 1103515245 + 12345) % 2147483648; k = x % 16; }
          const s = q.step(k, 1);
          frames++;
          if (s.fallen || s.finished) q.reset();
        }
      }
      return frames / ((performance.now() - t0) / 1000);
    }, SECONDS);
    return { relay, relayFrame, inPage };
  } finally {
    await browser.close();
  }
}

async function main() {
  const app = createQwopServer({ host: '127.0.0.1' });
  const port = await app.listen(0);
  const base = `ws://127.0.0.1:${port}`;
  const rows = [];
  const fmt = (v) => v.toFixed(0).padStart(8);
  try {
    const core = await benchCore();
    rows.push(['core (Node, direct)', core]);
    rows.push(['ws backend=node, 1 frame/request', await benchWs(`${base}/agent?backend=node`, null)]);
    rows.push(['ws backend=node + 64x64 frame', await benchWs(`${base}/agent?backend=node`, [64, 64])]);
    let page;
    try {
      page = await benchPage(base, port);
    } catch (e) {
      page = { skipped: e.message.split('\n')[0] };
      if (process.env.BENCH_DEBUG) console.error(e);
    }
    if (page.skipped) {
      rows.push([`page relay (skipped: ${page.skipped})`, null]);
    } else {
      rows.push(['core in chromium (window.qwop)', page.inPage]);
      rows.push(['ws backend=page, 1 frame/request', page.relay]);
      rows.push(['ws backend=page + 64x64 frame', page.relayFrame]);
    }
    console.log(`QWOP bench (${SECONDS} s per figure, node ${process.version}, ${require('os').cpus().length} cpus)`);
    console.log(`${'what'.padEnd(36)} ${'frames/s'.padStart(8)}  ratio to core`);
    for (const [name, v] of rows) {
      if (v === null) console.log(name);
      else console.log(`${name.padEnd(36)} ${fmt(v)}  ${(v / core).toFixed(3)}`);
    }
    const get = (n) => (rows.find((r) => r[0].startsWith(n)) || [])[1];
    const wsNode = get('ws backend=node, 1');
    const wsPage = get('ws backend=page, 1');
    console.log(`ratios: core/ws-node ${(core / wsNode).toFixed(2)}` +
      (wsPage ? `, ws-node/ws-page ${(wsNode / wsPage).toFixed(2)}, core/ws-page ${(core / wsPage).toFixed(2)}` : ''));
  } finally {
    await app.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`bench failed: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});

'use strict';
// The page in Debian's chromium (playwright-core, executablePath /usr/bin/chromium or QWOP_CHROMIUM):
// it loads without console errors, draws, answers the keys, and gives exactly the states of the
// Node core for the same keys (agent mode, window.qwop). Skipped when no chromium is found.
const { test, before, after, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { createQwopServer } = require('../lib/app.js');
const { connectAgent } = require('../lib/client.js');
const { createHeadlessSession } = require('../lib/headless.js');

const CHROMIUM = [process.env.QWOP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean).find((p) => fs.existsSync(p));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// A deterministic key sequence: [keys, frames] pairs.
function keySequence(n, seed) {
  let x = seed;
  const out = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push([x % 16, 1 + ((x >> 8) % 6)]);
  }
  return out;
}

describe('the page in chromium', { skip: CHROMIUM || process.env.CI ? false : 'no chromium (set QWOP_CHROMIUM)', timeout: 120000 }, () => {
  let app;
  let base;
  let browser;
  let port;

  before(async () => {
    app = createQwopServer({ host: '127.0.0.1', pageWaitMs: 1500 });
    port = await app.listen(0);
    base = `http://127.0.0.1:${port}`;
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60000 });
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      if (app) await app.close();
    }
  });

  // Opens a page, collecting console errors and page errors.
  async function open(url) {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
    await page.goto(base + url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 30000 });
    return { page, errors };
  }

  const thighAngle = (s) => s.bodies[9][2] - s.bodies[0][2];   // rightThigh relative to the torso

  test('human mode: loads cleanly, draws, answers Q W O P and R', async () => {
    const { page, errors } = await open('/');
    try {
      // Not blank: the canvas holds many colours.
      const colours = await page.evaluate(() => {
        const c = document.getElementById('game');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const set = new Set();
        for (let i = 0; i < d.length; i += 4 * 7) set.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        return set.size;
      });
      assert.ok(colours >= 6, `only ${colours} colours on the canvas`);

      // Holding Q then W swings the thighs.
      await page.focus('#game');
      const before = await page.evaluate(() => window.qwop.state());
      await page.keyboard.down('q');
      await page.waitForTimeout(600);
      await page.keyboard.up('q');
      const afterQ = await page.evaluate(() => window.qwop.state());
      await page.keyboard.down('w');
      await page.waitForTimeout(600);
      await page.keyboard.up('w');
      const afterW = await page.evaluate(() => window.qwop.state());
      assert.ok(afterQ.frame > before.frame);
      const dq = thighAngle(afterQ) - thighAngle(before);
      const dw = thighAngle(afterW) - thighAngle(afterQ);
      assert.ok(Math.abs(dq) > 0.1 || Math.abs(dw) > 0.1, `thigh moved ${dq}, ${dw}`);
      assert.ok(Math.sign(dq) !== Math.sign(dw) || Math.abs(dq) < 0.1 || Math.abs(dw) < 0.1, 'Q and W swing opposite ways');

      // O and P move the calves: the pose differs from the one without keys.
      await page.keyboard.down('o');
      await page.waitForTimeout(400);
      await page.keyboard.up('o');
      const afterO = await page.evaluate(() => window.qwop.state());
      assert.notDeepEqual(afterO.bodies, afterW.bodies);

      // R restarts.
      await page.keyboard.press('r');
      const restarted = await page.evaluate(() => window.qwop.state().frame);
      assert.ok(restarted < afterO.frame, `frame ${restarted} after R`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('human mode steps 30 game frames per second of page time (fixed step, any refresh rate)', async () => {
    // Playwright's fake clock drives requestAnimationFrame and performance.now, so the pacing is
    // checked exactly, not against this machine's (shared, noisy) real time.
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    try {
      await page.clock.install();
      await page.goto(base + '/');
      await page.clock.runFor(200);
      await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { polling: 50, timeout: 30000 });
      // The installed clock also flows with real time between calls (a loaded machine adds some):
      // frames and page time are read together, and the frames are checked against the page time
      // that really passed (at least the 3 s of runFor).
      const read = () => page.evaluate(() => [window.qwop.state().frame, performance.now()]);
      const [f0, t0] = await read();
      await page.clock.runFor(3000);
      const [f1, t1] = await read();
      const want = ((t1 - t0) / 1000) * 30;
      assert.ok(t1 - t0 >= 3000, `page time ${t1 - t0} ms (runFor 3000)`);
      assert.ok(Math.abs(f1 - f0 - want) <= 1.5,
        `${f1 - f0} frames in ${(t1 - t0).toFixed(0)} ms of page time (want ${want.toFixed(1)})`);
    } finally {
      await page.close();
    }
  });

  test('space restarts only after the race has ended (a fall)', async () => {
    const { page, errors } = await open('/');
    try {
      await page.focus('#game');
      await page.waitForTimeout(300);
      const f0 = await page.evaluate(() => window.qwop.state().frame);
      await page.keyboard.press('Space');
      const f1 = await page.evaluate(() => window.qwop.state().frame);
      assert.ok(f1 >= f0, 'space before the end does not restart');
      // Make the runner fall: step the page's game directly (the real-time loop waits meanwhile).
      const ended = await page.evaluate(() => {
        const q = window.qwop;
        let s = q.state();
        for (let i = 0; i < 3000 && !s.fallen && !s.finished; i++) s = q.step(i % 40 < 20 ? 1 | 4 : 2 | 8, 1);
        return s;
      });
      if (!ended.fallen && !ended.finished) return;   // the sequence never fell: nothing more to check
      const { hudText } = require('../src/render.js');
      assert.match(hudText(ended).end, ended.finished ? /metres in .* seconds$/ : /^-?\d+\.\d metres$/);
      await page.waitForTimeout(200);
      await page.keyboard.press('Space');
      const after = await page.evaluate(() => window.qwop.state());
      assert.ok(after.frame < ended.frame && !after.fallen, `frame ${after.frame} after space`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('agent mode: browser and Node give identical states for the same keys', async () => {
    const { page, errors } = await open('/?agent=1&session=parity');
    try {
      const seq = keySequence(150, 11);
      const browserStates = await page.evaluate((seq) => {
        const q = window.qwop;
        const out = [q.reset()];
        for (const [k, f] of seq) out.push(q.step(k, f));
        return JSON.stringify(out);
      }, seq);
      const { game } = createHeadlessSession();
      const nodeStates = [game.reset()];
      for (const [k, f] of seq) nodeStates.push(game.step(k, f));
      const b = JSON.parse(browserStates);
      assert.equal(b.length, nodeStates.length);
      for (let i = 0; i < b.length; i++) {
        assert.deepEqual(b[i], JSON.parse(JSON.stringify(nodeStates[i])), `state ${i} differs`);
      }
      assert.ok(b[b.length - 1].frame > 150);
      // setState in the page, from a Node state, then the same steps: still identical.
      const mid = JSON.parse(JSON.stringify(nodeStates[60]));
      const fromMid = await page.evaluate(([s, seq]) => {
        window.qwop.setState(s);
        let r;
        for (const [k, f] of seq) r = window.qwop.step(k, f);
        return JSON.stringify(r);
      }, [mid, seq.slice(0, 20)]);
      game.setState(mid);
      let r;
      for (const [k, f] of seq.slice(0, 20)) r = game.step(k, f);
      assert.deepEqual(JSON.parse(fromMid), JSON.parse(JSON.stringify(r)));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('agent mode over the relay: backend=page answers like backend=node, frames included', async () => {
    const { page, errors } = await open('/?agent=1&session=relayb');
    const viaPage = await connectAgent(`ws://127.0.0.1:${port}/agent?backend=page&session=relayb`);
    const viaNode = await connectAgent(`ws://127.0.0.1:${port}/agent?backend=node`);
    try {
      const ping = await viaPage.request({ cmd: 'ping' });
      assert.equal(ping.backend, 'page');
      const a0 = await viaPage.request({ cmd: 'reset' });
      const b0 = await viaNode.request({ cmd: 'reset' });
      assert.deepEqual(a0.state, b0.state);
      for (const [k, f] of keySequence(30, 5)) {
        const a = await viaPage.request({ cmd: 'step', keys: k, frames: f, frame: [64, 48] });
        const b = await viaNode.request({ cmd: 'step', keys: k, frames: f, frame: [64, 48] });
        assert.equal(a.ok, true, a.error);
        assert.deepEqual(a.state, b.state);
        assert.equal(a.frame.width, 64);
        assert.equal(a.frame.height, 48);
        const px = Buffer.from(a.frame.data, 'base64');
        assert.equal(px.length, 64 * 48 * 3);
        if (b.ok && b.frame) assert.ok(px.equals(Buffer.from(b.frame.data, 'base64')), 'page and node frames differ');
      }
      // The frame is a picture: not one colour.
      const f = await viaPage.request({ cmd: 'frame', width: 64, height: 64 });
      const px = Buffer.from(f.frame.data, 'base64');
      const colours = new Set();
      for (let i = 0; i < px.length; i += 3) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      assert.ok(colours.size >= 4, `${colours.size} colours in the frame`);
      // Bad requests come back as errors through the relay too.
      const bad = await viaPage.raw('{"id":"x","cmd":"step","keys":77}');
      assert.equal(bad.ok, false);
      // The page goes away: the agent gets an error, not a hang.
      await page.close();
      const gone = await viaPage.request({ cmd: 'state' }).catch((e) => ({ ok: false, error: e.message }));
      assert.equal(gone.ok, false);
      assert.deepEqual(errors, []);
    } finally {
      await viaPage.close();
      await viaNode.close();
      if (!page.isClosed()) await page.close();
    }
  });
});

// The page: human play (30 game frames per real second, fixed-step accumulator) or agent mode
// (/?agent=1&session=ID: no real-time loop; executes the commands the server relays from
// ws://HOST/agent?backend=page&session=ID). Both modes expose window.qwop, a driver for
// Playwright: reset(), step(keys, frames), state(), setState(state), frame(w, h).
(function () {
  'use strict';

  const KEY_BITS = { KeyQ: 1, KeyW: 2, KeyO: 4, KeyP: 8 };
  const KEY_CHARS = { q: 'KeyQ', w: 'KeyW', o: 'KeyO', p: 'KeyP' };
  const FRAME_S = 1 / 30;          // one game frame per 1/30 s of real time
  const MAX_CATCH_UP = 8;          // frames per animation frame at most (tab was hidden...)

  const params = new URLSearchParams(location.search);
  const agentMode = params.has('agent') && params.get('agent') !== '0' && params.get('agent') !== 'false';
  const sessionId = params.get('session') || 'default';
  const drawView = params.get('draw') !== '0';   // agent mode: ?draw=0 leaves the canvas alone

  const $ = (id) => document.getElementById(id);
  const canvas = $('game');
  const ctx = canvas.getContext('2d');

  function showMessage(msg) {
    const el = $('message');
    el.textContent = msg;
    el.hidden = false;
  }

  // ---- frames for agents: RGB bytes of the scene rendered at w x h, camera on the runner, no text.
  const frameCanvases = new Map();
  function frameCanvas(w, h) {
    const k = w + 'x' + h;
    let c = frameCanvases.get(k);
    if (!c) {
      const cv = document.createElement('canvas');
      cv.width = w;
      cv.height = h;
      c = { cv, ctx: cv.getContext('2d', { willReadFrequently: true, alpha: false }) };
      if (frameCanvases.size > 8) frameCanvases.clear();
      frameCanvases.set(k, c);
    }
    return c;
  }

  function rgbaToRgb(rgba, n) {
    const out = new Uint8Array(n * 3);
    for (let i = 0, j = 0; i < n * 4; i += 4, j += 3) {
      out[j] = rgba[i];
      out[j + 1] = rgba[i + 1];
      out[j + 2] = rgba[i + 2];
    }
    return out;
  }

  function base64(bytes) {
    let s = '';
    const CH = 0x8000;
    for (let i = 0; i < bytes.length; i += CH) s += String.fromCharCode.apply(null, bytes.subarray(i, i + CH));
    return btoa(s);
  }

  async function init() {
    const res = await fetch('/qwop.json');
    if (!res.ok) throw new Error('cannot load /qwop.json');
    const constants = await res.json();
    const drawScene = self.QWOPRender.drawScene;   // src/render.js
    const game = self.QWOP.createGame({ Box2D: self.Box2D, constants });   // src/qwop.js
    let state = game.reset();

    const [pw, ph] = (constants.art && constants.art.page_size_px) || [640, 400];
    canvas.width = pw;
    canvas.height = ph;
    $('stage').style.width = pw + 'px';
    $('stage').style.height = ph + 'px';

    // Agent frames: the pixel rasteriser (same pixels as backend=node and Python), no text. The
    // states carry the hurdle's pose, so every view draws the hurdle as it is.
    function frameRGB(w, h, s) {
      const { ctx: fctx } = frameCanvas(w, h);
      drawScene(fctx, s || game.state(), constants, { width: w, height: h, hud: false, mode: 'pixel' });
      return rgbaToRgb(fctx.getImageData(0, 0, w, h).data, w * h);
    }

    // The driver: the state of the page is the game's; every command marks the view dirty.
    let dirty = true;
    let held = 0;   // keys held (human mode), shown by the HUD
    const track = (s) => { state = s; dirty = true; return s; };
    const driver = QWOPDriver.createDriver({
      reset: () => track(game.reset()),
      step: (keys, frames) => { held = keys; return track(game.step(keys, frames === undefined ? 1 : frames)); },
      state: () => game.state(),
      setState: (s) => { game.setState(s); track(game.state()); },
    }, { backend: 'page', frame: (w, h, s) => base64(frameRGB(w, h, s)) });

    // The visible canvas: smooth shapes + the HUD (distance, clock, keys, end screen).
    function view() {
      drawScene(ctx, state, constants, { width: canvas.width, height: canvas.height, hud: true, keys: held, mode: 'smooth' });
      dirty = false;
    }
    const ended = () => state.fallen || state.finished;

    self.qwop = {
      mode: agentMode ? 'agent' : 'human',
      constants,
      reset: () => driver.handle({ cmd: 'reset' }).state,
      step: (keys, frames) => driver.handle({ cmd: 'step', keys, frames: frames === undefined ? 1 : frames }).state,
      state: () => game.state(),
      setState: (s) => driver.handle({ cmd: 'set_state', state: s }).state,
      frame: (w, h) => ({ width: w, height: h, data: base64(frameRGB(w, h)) }),
      frameRGB: (w, h) => frameRGB(w, h),
      handle: (req) => driver.handle(req),
      render: () => view(),
    };

    if (agentMode) {
      $('help').hidden = true;
      startAgent(driver);
      const redraw = () => {
        if (dirty) view();
        requestAnimationFrame(redraw);
      };
      view();
      if (drawView) requestAnimationFrame(redraw);
    } else {
      startHuman(driver, view, ended);
    }
    document.documentElement.dataset.ready = '1';
  }

  // ---- human play ----------------------------------------------------------------------------
  function startHuman(driver, view, ended) {
    let held = 0;
    let acc = 0;
    let last = null;
    const codeOf = (e) => (KEY_BITS[e.code] !== undefined ? e.code : KEY_CHARS[(e.key || '').toLowerCase()]);
    const restart = () => {
      driver.handle({ cmd: 'reset' });
      acc = 0;
    };
    window.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const code = codeOf(e);
      if (code) {
        held |= KEY_BITS[code];
        e.preventDefault();
        return;
      }
      if (e.code === 'KeyR' || e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        if (!e.repeat) restart();
      } else if (e.code === 'Space' || e.key === ' ') {
        e.preventDefault();
        if (!e.repeat && ended()) restart();
      }
    });
    window.addEventListener('keyup', (e) => {
      const code = codeOf(e);
      if (code) {
        held &= ~KEY_BITS[code];
        e.preventDefault();
      }
    });
    window.addEventListener('blur', () => { held = 0; });
    canvas.focus();

    // Fixed step: one game frame per 1/30 s of real time, whatever the display's refresh rate.
    function tick(now) {
      if (last !== null) {
        acc += Math.min((now - last) / 1000, MAX_CATCH_UP * FRAME_S);
        let n = 0;
        while (acc >= FRAME_S && n < MAX_CATCH_UP) {
          driver.handle({ cmd: 'step', keys: held, frames: 1 });
          acc -= FRAME_S;
          n++;
        }
        if (n === MAX_CATCH_UP) acc = 0;
      }
      last = now;
      view();
      requestAnimationFrame(tick);
    }
    view();
    requestAnimationFrame(tick);
  }

  // ---- agent mode: the page end of the relay -------------------------------------------------
  function startAgent(driver) {
    const status = $('agent-status');
    status.hidden = false;
    const setStatus = (s) => { status.textContent = `agent mode, session ${sessionId}: ${s}`; };
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/page?session=${encodeURIComponent(sessionId)}`;
    let retries = 0;

    function connect() {
      const ws = new WebSocket(url);
      setStatus('connecting');
      ws.onopen = () => { retries = 0; setStatus('connected'); };
      ws.onmessage = (ev) => {
        let req;
        try {
          req = JSON.parse(ev.data);
        } catch (e) {
          return;
        }
        const rid = req.rid | 0;
        let reply;
        try {
          const body = JSON.stringify(driver.handle(req));
          reply = `{"rid":${rid},"ok":true,${body.slice(1)}`;
        } catch (e) {
          reply = `{"rid":${rid},"ok":false,"error":${JSON.stringify(String((e && e.message) || e))}}`;
        }
        ws.send(reply);
      };
      ws.onclose = (ev) => {
        if (ev.code === 4409) {
          setStatus(`refused: ${ev.reason}`);
          return;
        }
        setStatus('disconnected; retrying');
        setTimeout(connect, Math.min(5000, 250 * 2 ** Math.min(retries++, 5)));
      };
      ws.onerror = () => {};
    }
    connect();
  }

  init().catch((e) => {
    showMessage(String((e && e.message) || e));
    console.error(e);
  });
})();

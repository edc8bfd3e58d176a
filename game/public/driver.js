// Executes one normalised protocol request (see lib/protocol.js) on a game made by
// createGame (src/qwop.js). The same file runs in Node (headless sessions, lib/headless.js)
// and in the page (agent mode, public/main.js), so both backends answer identically.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.QWOPDriver = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // game: {reset, step, state, setState}; opts.frame(w, h, state) -> base64 RGB string (or throws).
  function createDriver(game, opts) {
    opts = opts || {};
    const frameFn = opts.frame || null;
    const backend = opts.backend || 'unknown';

    function frame(size, state) {
      if (!frameFn) throw new Error(`frame is not available on backend=${backend}`);
      const w = size[0];
      const h = size[1];
      return { width: w, height: h, data: frameFn(w, h, state) };
    }

    // Returns the reply body (without id/ok). Throws on errors from the core.
    function handle(req) {
      let state;
      const body = {};
      switch (req.cmd) {
        case 'ping':
          return { pong: true, backend, protocol: 1 };
        case 'reset':
          state = game.reset();
          break;
        case 'step':
          state = game.step(req.keys, req.frames);
          break;
        case 'steps': {
          const list = req.steps;
          if (req.states) {
            const states = new Array(list.length);
            for (let i = 0; i < list.length; i++) states[i] = game.step(list[i][0], list[i][1]);
            body.states = states;
            state = states[states.length - 1];
          } else {
            for (let i = 0; i < list.length; i++) state = game.step(list[i][0], list[i][1]);
          }
          break;
        }
        case 'state':
          state = game.state();
          break;
        case 'set_state':
          game.setState(req.state);
          state = game.state();
          break;
        case 'frame':
          state = game.state();
          break;
        default:
          throw new Error(`unknown cmd ${req.cmd}`);
      }
      if (state === undefined) state = game.state();
      const out = { state };
      if (body.states) out.states = body.states;
      if (req.frame) out.frame = frame(req.frame, state);
      return out;
    }

    return { handle };
  }

  return { createDriver };
});

'use strict';
// backend=node: a private game per agent connection, running the same core as the page
// (src/qwop.js with box2dweb) inside the server process.
const path = require('path');
const { createDriver } = require('../public/driver.js');

let cached = null;

// Loads Box2D, the constants and the core once. Throws a readable error if the core is missing.
function loadCore() {
  if (cached) return cached;
  const Box2D = require('./box2d.js').loadBox2D();   // deterministic Math, as in the page
  const constants = require('../qwop.json');
  const core = require(process.env.QWOP_CORE || path.join(__dirname, '..', 'src', 'qwop.js'));
  const createGame = typeof core === 'function' ? core : core.createGame;
  if (typeof createGame !== 'function') throw new Error('src/qwop.js does not export createGame');
  cached = { Box2D, constants, createGame };
  return cached;
}

// Frames on backend=node: src/render.js's rasteriser (the same pixels as the page's frames).
let renderRGB;
function getRenderer() {
  if (renderRGB === undefined) {
    try {
      renderRGB = require(path.join(__dirname, '..', 'src', 'render.js')).renderRGB || null;
    } catch (e) {
      renderRGB = null;
    }
  }
  return renderRGB;
}

function frameBase64(render, state, constants, w, h) {
  const px = render(state, constants, w, h);
  return Buffer.from(px.buffer, px.byteOffset, px.byteLength).toString('base64');
}

function withHurdle(game, state) {
  return typeof game.hurdle === 'function' ? Object.assign({}, state, { hurdle: game.hurdle() }) : state;
}

function createHeadlessSession() {
  const { Box2D, constants, createGame } = loadCore();
  const game = createGame({ Box2D, constants });
  game.reset();
  const render = getRenderer();
  const driver = createDriver(game, {
    backend: 'node',
    // The hurdle's pose is not part of the raw state; the renderer takes it from state.hurdle.
    frame: render ? (w, h, state) => frameBase64(render, withHurdle(game, state), constants, w, h) : null,
  });
  return { game, handle: driver.handle };
}

module.exports = { loadCore, createHeadlessSession };

'use strict';
// backend=node: a private game per agent connection, running the same core as the page
// (src/qwop.js with box2dweb) inside the server process.
const { createGame } = require('../src/qwop.js');
const { renderRGB } = require('../src/render.js');
const { createDriver } = require('../public/driver.js');

let cached = null;

// Box2D and the constants, loaded once for every session.
function loadCore() {
  if (cached) return cached;
  const Box2D = require('./box2d.js').loadBox2D();   // deterministic Math, as in the page
  const constants = require('../qwop.json');
  cached = { Box2D, constants };
  return cached;
}

// Frames on backend=node: src/render.js's rasteriser (the same pixels as the page's frames). The
// state carries the hurdle's pose, so the frame shows the hurdle as it is.
function frameBase64(state, constants, w, h) {
  const px = renderRGB(state, constants, w, h);
  return Buffer.from(px.buffer, px.byteOffset, px.byteLength).toString('base64');
}

function createHeadlessSession() {
  const { Box2D, constants } = loadCore();
  const game = createGame({ Box2D, constants });
  game.reset();
  const driver = createDriver(game, {
    backend: 'node',
    frame: (w, h, state) => frameBase64(state, constants, w, h),
  });
  return { game, handle: driver.handle };
}

module.exports = { loadCore, createHeadlessSession };

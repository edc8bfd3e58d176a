/*
 * QWOP-RL renderer: draws one game state with the look defined in qwop.json's "art" section.
 * The Python twin is qwop_sim/render/draw.py: both rasterise with the same rule (below), so the
 * browser page, the server's frames and the Python frames are the same picture, pixel for pixel.
 *
 * No DOM globals at load. In the page: <script src="src/render.js"> defines `QWOPRender`.
 * In Node: const QWOPRender = require('./src/render.js').
 *
 * API
 *   QWOPRender.drawScene(ctx, state, constants, opts)
 *       Draws onto a canvas 2D context. opts (all optional):
 *         width, height   target size in px (default ctx.canvas.width / height)
 *         hud             false (default): no text at all (agent frames); true: the human page's
 *                         HUD: distance, clock, keys held, "10m" labels, end screen
 *         keys            4-bit keys held (Q=1 W=2 O=4 P=8), shown by the HUD
 *         mode            'pixel' (default): our own rasteriser through putImageData, identical to
 *                         the Python renderer; 'smooth': canvas paths (anti-aliased edges)
 *         hurdle          hurdle pose, overrides state.hurdle (see "state" below)
 *   QWOPRender.renderRGB(state, constants, width, height, hurdle?) -> Uint8Array(height*width*3)
 *       The agent frame (no text), RGB, row-major, top row first. Needs no canvas (Node ok):
 *       the server can answer `frame` requests with it directly.
 *   QWOPRender.renderRGBA(state, constants, width, height, out?, hurdle?) -> Uint8ClampedArray(h*w*4)
 *   QWOPRender.camera(state, constants, width, height) -> {cx, cy, scale}
 *   QWOPRender.hudText(state) -> {distance: "12.3 metres", clock: "4.5 s", end: null | "..."}
 *
 * state: the game state JSON (DEVELOPERS.md): bodies 12 x 6 in state_body_order
 *   (x, y, angle, vx, vy, w; a flat array of 72 works too), distance, clock, fallen, finished.
 *   Optional: hurdle = {base: [x, y, angle, ...], top: [x, y, angle, ...]} (also accepted:
 *   [[base x, y, angle, ...], [top x, y, angle, ...]]); without it the hurdle stands at its
 *   starting pose from constants.hurdle. qwop.js's game.state() carries it.
 *
 * Rasterisation rule (shared with Python; keep the float operations in the same order):
 *   scale = H / camera.view_height; cx = torso x + camera.offset_x; cy = camera.center_y
 *   world -> pixel: px = (x - cx) * scale + W / 2, py = (y - cy) * scale + H / 2
 *   A pixel (i, j) takes the colour of the last shape (in painter's order) containing its centre
 *   (i + 0.5, j + 0.5). Bands [x0, x1): columns ceil(x0 - 0.5) .. ceil(x1 - 0.5) - 1 (rows alike).
 *   Boxes: dx = (i + 0.5) - bx, dy = (j + 0.5) - by, u = dx*c + dy*s, v = dy*c - dx*s,
 *   inside iff |u| <= hw and |v| <= hh (ellipse: u*u/(hw*hw) + v*v/(hh*hh) <= 1).
 *   Markers are at least 1 px wide: n = max(1, floor(w + 0.5)) columns from floor(xc - n/2 + 0.5).
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (root) root.QWOPRender = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const KEY_NAMES = [['Q', 1], ['W', 2], ['O', 4], ['P', 8]];

  // ---- art, precomputed once per constants object -------------------------------------------
  const artCache = new WeakMap();

  function shade(rgb, f) {
    return [Math.floor(rgb[0] * f + 0.5), Math.floor(rgb[1] * f + 0.5), Math.floor(rgb[2] * f + 0.5)];
  }

  function prepare(constants) {
    let a = artCache.get(constants);
    if (a) return a;
    const art = constants.art;
    const col = art.colours;
    const ppu = constants.world.px_per_unit;
    const order = constants.state_body_order;
    const index = {};
    order.forEach((n, i) => { index[n] = i; });
    const runner = art.draw_order.map((name) => {
      const b = constants.bodies[name];
      let rgb = col[art.body_colours[name]];
      if (name.startsWith('left')) rgb = shade(rgb, art.far_side_shade);
      return {
        name, index: index[name], hw: b.width_px / ppu / 2, hh: b.height_px / ppu / 2, rgb,
        ellipse: name === 'head' && art.head_shape === 'ellipse',
      };
    });
    const h = constants.hurdle;
    a = {
      art, col, runner,
      hurdle: {
        base: { hw: h.base.width_px / ppu / 2, hh: h.base.height_px / ppu / 2, rgb: col.hurdle_base,
          pose: [h.base.x, h.base.y, 0] },
        top: { hw: h.top.width_px / ppu / 2, hh: h.top.height_px / ppu / 2, rgb: col.hurdle_top,
          pose: [h.top.x, h.top.y, 0] },
      },
      block: { x: constants.start_block.x, y: constants.start_block.y,
        hw: constants.start_block.width_px / ppu / 2, hh: constants.start_block.height_px / ppu / 2 },
      trackTop: constants.track.top_y,
      trackBottom: constants.track.center_y + constants.track.half_height,
      edge: art.track_edge_units || 0,
      markerUnits: art.marker_every_m / constants.metres_per_unit,
      metresPerUnit: constants.metres_per_unit,
    };
    artCache.set(constants, a);
    return a;
  }

  function bodyRow(state, i) {
    const b = state.bodies;
    if (Array.isArray(b[0]) || ArrayBuffer.isView(b[0])) return b[i];
    return [b[i * 6], b[i * 6 + 1], b[i * 6 + 2]];
  }

  function hurdlePoses(state, a, override) {
    const h = override || (state && state.hurdle);
    if (!h) return [a.hurdle.base.pose, a.hurdle.top.pose];
    if (Array.isArray(h)) return [h[0], h[1]];
    return [h.base, h.top];
  }

  function camera(state, constants, width, height) {
    const cam = constants.art.camera;
    return { cx: bodyRow(state, 0)[0] + cam.offset_x, cy: cam.center_y, scale: height / cam.view_height };
  }

  // ---- the scene as a list of shapes in pixel coordinates (painter's order) -----------------
  // {kind: 'band', x0, x1, y0, y1, rgb} | {kind: 'col', xc, w, y0, y1, rgb} |
  // {kind: 'box'|'ellipse', bx, by, c, s, hw, hh, rgb}
  function sceneShapes(state, constants, W, H, hurdleOverride) {
    const a = prepare(constants);
    const col = a.col;
    const cam = camera(state, constants, W, H);
    const k = cam.scale;
    const X = (x) => (x - cam.cx) * k + W / 2;
    const Y = (y) => (y - cam.cy) * k + H / 2;
    const shapes = [];
    const inf = 1e9;
    shapes.push({ kind: 'band', x0: -inf, x1: inf, y0: -inf, y1: inf, rgb: col.sky });
    const top = Y(a.trackTop);
    const bottom = Y(a.trackBottom);
    shapes.push({ kind: 'band', x0: -inf, x1: inf, y0: top, y1: bottom, rgb: col.track });
    shapes.push({ kind: 'band', x0: -inf, x1: inf, y0: bottom, y1: inf, rgb: col.below_track });
    const sp = a.art.sand_pit;
    shapes.push({ kind: 'band', x0: X(sp.from_x), x1: X(sp.to_x), y0: top, y1: bottom, rgb: col.sand });
    // distance markers every marker_every_m metres, across the track
    const left = cam.cx - W / 2 / k - 1;
    const right = cam.cx + W / 2 / k + 1;
    const labels = [];
    for (let m = Math.ceil(left / a.markerUnits); m * a.markerUnits <= right; m++) {
      const x = m * a.markerUnits;
      shapes.push({ kind: 'col', xc: X(x), w: a.art.marker_width_units * k, y0: top, y1: bottom,
        rgb: col.marker });
      labels.push({ x: X(x), metres: Math.round(x * a.metresPerUnit) });
    }
    if (a.edge > 0) {
      shapes.push({ kind: 'band', x0: -inf, x1: inf, y0: top, y1: Y(a.trackTop + a.edge),
        rgb: col.track_edge });
    }
    const bl = a.block;
    shapes.push({ kind: 'box', bx: X(bl.x), by: Y(bl.y), c: 1, s: 0, hw: bl.hw * k, hh: bl.hh * k,
      rgb: col.start_block });
    const hp = hurdlePoses(state, a, hurdleOverride);
    for (const [part, p] of [[a.hurdle.base, hp[0]], [a.hurdle.top, hp[1]]]) {
      shapes.push({ kind: 'box', bx: X(p[0]), by: Y(p[1]), c: Math.cos(p[2]), s: Math.sin(p[2]),
        hw: part.hw * k, hh: part.hh * k, rgb: part.rgb });
    }
    for (const r of a.runner) {
      const b = bodyRow(state, r.index);
      shapes.push({ kind: r.ellipse ? 'ellipse' : 'box', bx: X(b[0]), by: Y(b[1]),
        c: Math.cos(b[2]), s: Math.sin(b[2]), hw: r.hw * k, hh: r.hh * k, rgb: r.rgb });
    }
    return { shapes, labels, top, bottom, cam };
  }

  // ---- the pixel rasteriser (the shared rule) -----------------------------------------------
  function clampInt(v, lo, hi) { return v < lo ? lo : (v > hi ? hi : v); }

  function rasterise(shapes, W, H, out, channels) {
    const n = channels;
    for (const sh of shapes) {
      const r = sh.rgb[0], g = sh.rgb[1], b = sh.rgb[2];
      if (sh.kind === 'band' || sh.kind === 'col') {
        let i0, i1;
        if (sh.kind === 'band') {
          i0 = Math.ceil(sh.x0 - 0.5); i1 = Math.ceil(sh.x1 - 0.5);
        } else {
          const nc = Math.max(1, Math.floor(sh.w + 0.5));
          i0 = Math.floor(sh.xc - nc / 2 + 0.5); i1 = i0 + nc;
        }
        const j0 = clampInt(Math.ceil(sh.y0 - 0.5), 0, H), j1 = clampInt(Math.ceil(sh.y1 - 0.5), 0, H);
        i0 = clampInt(i0, 0, W); i1 = clampInt(i1, 0, W);
        for (let j = j0; j < j1; j++) {
          let p = (j * W + i0) * n;
          for (let i = i0; i < i1; i++, p += n) { out[p] = r; out[p + 1] = g; out[p + 2] = b; }
        }
        continue;
      }
      const { bx, by, c, s, hw, hh } = sh;
      const ex = Math.abs(c) * hw + Math.abs(s) * hh;
      const ey = Math.abs(s) * hw + Math.abs(c) * hh;
      const i0 = clampInt(Math.ceil(bx - ex - 0.5), 0, W), i1 = clampInt(Math.floor(bx + ex - 0.5) + 1, 0, W);
      const j0 = clampInt(Math.ceil(by - ey - 0.5), 0, H), j1 = clampInt(Math.floor(by + ey - 0.5) + 1, 0, H);
      const ell = sh.kind === 'ellipse';
      const hw2 = hw * hw, hh2 = hh * hh;
      for (let j = j0; j < j1; j++) {
        const dy = (j + 0.5) - by;
        let p = (j * W + i0) * n;
        for (let i = i0; i < i1; i++, p += n) {
          const dx = (i + 0.5) - bx;
          const u = dx * c + dy * s;
          const v = dy * c - dx * s;
          const inside = ell ? (u * u / hw2 + v * v / hh2 <= 1) : (Math.abs(u) <= hw && Math.abs(v) <= hh);
          if (inside) { out[p] = r; out[p + 1] = g; out[p + 2] = b; }
        }
      }
    }
    return out;
  }

  function renderRGB(state, constants, width, height, hurdle) {
    const out = new Uint8Array(width * height * 3);
    return rasterise(sceneShapes(state, constants, width, height, hurdle).shapes, width, height, out, 3);
  }

  function renderRGBA(state, constants, width, height, out, hurdle) {
    out = out || new Uint8ClampedArray(width * height * 4);
    for (let p = 3; p < out.length; p += 4) out[p] = 255;
    return rasterise(sceneShapes(state, constants, width, height, hurdle).shapes, width, height, out, 4);
  }

  // ---- the canvas paths variant ('smooth') ----------------------------------------------------
  function css(rgb, alpha) {
    return alpha === undefined ? `rgb(${rgb[0]},${rgb[1]},${rgb[2]})` : `rgba(${rgb[0]},${rgb[1]},${rgb[2]},${alpha})`;
  }

  function drawSmooth(ctx, shapes, W, H) {
    for (const sh of shapes) {
      ctx.fillStyle = css(sh.rgb);
      if (sh.kind === 'band') {
        const x0 = Math.max(sh.x0, -1), x1 = Math.min(sh.x1, W + 1);
        const y0 = Math.max(sh.y0, -1), y1 = Math.min(sh.y1, H + 1);
        if (x1 > x0 && y1 > y0) ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      } else if (sh.kind === 'col') {
        const w = Math.max(1, sh.w);
        ctx.fillRect(sh.xc - w / 2, sh.y0, w, sh.y1 - sh.y0);
      } else {
        ctx.save();
        ctx.transform(sh.c, sh.s, -sh.s, sh.c, sh.bx, sh.by);
        if (sh.kind === 'ellipse') {
          ctx.beginPath();
          ctx.ellipse(0, 0, sh.hw, sh.hh, 0, 0, 2 * Math.PI);
          ctx.fill();
        } else {
          ctx.fillRect(-sh.hw, -sh.hh, 2 * sh.hw, 2 * sh.hh);
        }
        ctx.restore();
      }
    }
  }

  // ---- HUD (human page only) ------------------------------------------------------------------
  function hudText(state) {
    const d = (state.distance || 0).toFixed(1);
    const t = (state.clock || 0).toFixed(1);
    let end = null;
    if (state.finished) end = `${d} metres in ${t} seconds`;
    else if (state.fallen) end = `${d} metres`;
    return { distance: `${d} metres`, clock: `${t} s`, end };
  }

  // Layout (mirrored by qwop_sim/render/draw.py's draw_hud): sizes in fractions of H.
  function drawHud(ctx, state, constants, W, H, keys, scene) {
    const col = constants.art.colours;
    const text = hudText(state);
    const big = Math.max(10, Math.round(H * 0.07));
    const small = Math.max(8, Math.round(H * 0.045));
    ctx.save();
    ctx.textBaseline = 'top';
    // "10m" labels on the track, under each marker
    ctx.font = `bold ${small}px sans-serif`;
    ctx.fillStyle = css(col.marker);
    ctx.textAlign = 'left';
    for (const l of scene.labels) {
      ctx.fillText(`${l.metres}m`, l.x + 3, scene.top + (scene.bottom - scene.top) * 0.35);
    }
    ctx.fillStyle = css(col.hud_text);
    ctx.textAlign = 'center';
    ctx.font = `bold ${big}px sans-serif`;
    ctx.fillText(text.distance, W / 2, Math.round(H * 0.03));
    ctx.textAlign = 'left';
    ctx.font = `${small}px sans-serif`;
    ctx.fillText(text.clock, Math.round(H * 0.03), Math.round(H * 0.03));
    // keys held: four boxes at the top right
    const box = Math.round(H * 0.07), gap = Math.round(box * 0.25);
    let x = W - Math.round(H * 0.03) - 4 * box - 3 * gap;
    const y = Math.round(H * 0.03);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `bold ${Math.round(box * 0.7)}px sans-serif`;
    for (const [name, bit] of KEY_NAMES) {
      const held = (keys & bit) !== 0;
      ctx.fillStyle = held ? css(col.hud_text) : css(col.hud_text, 0.15);
      ctx.fillRect(x, y, box, box);
      ctx.fillStyle = held ? css(col.marker) : css(col.hud_text);
      ctx.fillText(name, x + box / 2, y + box / 2 + 1);
      x += box + gap;
    }
    if (text.end) {
      ctx.fillStyle = 'rgba(0,0,0,0.55)';
      ctx.fillRect(0, Math.round(H * 0.32), W, Math.round(H * 0.3));
      ctx.fillStyle = css(col.marker);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.font = `bold ${Math.round(H * 0.1)}px sans-serif`;
      ctx.fillText(text.end, W / 2, Math.round(H * 0.38));
      ctx.font = `${small}px sans-serif`;
      ctx.fillText('press space to try again', W / 2, Math.round(H * 0.52));
    }
    ctx.restore();
  }

  function drawScene(ctx, state, constants, opts) {
    opts = opts || {};
    const W = opts.width || ctx.canvas.width;
    const H = opts.height || ctx.canvas.height;
    const scene = sceneShapes(state, constants, W, H, opts.hurdle);
    if ((opts.mode || 'pixel') === 'smooth') {
      drawSmooth(ctx, scene.shapes, W, H);
    } else {
      let img = ctx.__qwopImage;
      if (!img || img.width !== W || img.height !== H) {
        img = ctx.createImageData(W, H);
        ctx.__qwopImage = img;
      }
      renderRGBA(state, constants, W, H, img.data, opts.hurdle);
      ctx.putImageData(img, 0, 0);
    }
    if (opts.hud) drawHud(ctx, state, constants, W, H, opts.keys || 0, scene);
    return scene;
  }

  return { drawScene, renderRGB, renderRGBA, camera, hudText, sceneShapes, KEY_NAMES };
});

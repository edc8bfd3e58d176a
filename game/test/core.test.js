'use strict';
// The game core (src/qwop.js): determinism, reset, key rules, head torque, contact rules, clock,
// score, the end of the game, setState, and loading as a classic script in a page.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createGame, loadConstants } = require('../src/qwop.js');

const C = loadConstants();
const KEYS = C.keys;

// Deterministic pseudo-random key sequence (LCG), so the tests need no seed handling.
function keySequence(n, seed) {
  let s = seed >>> 0;
  const out = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(s >>> 28);
  }
  return out;
}

function play(game, keys) {
  let st = game.state();
  for (const k of keys) st = game.step(k);
  return st;
}

function initialBodies() {
  return C.state_body_order.map((n) => {
    const b = C.bodies[n];
    return [b.x, b.y, b.angle, 0, 0, 0];
  });
}

// The state with every body moved by dx (for placing the runner near the sand pit).
function shifted(state, dx, dy = 0) {
  const s = JSON.parse(JSON.stringify(state));
  for (const b of s.bodies) {
    b[0] += dx;
    b[1] += dy;
  }
  return s;
}

test('state has exactly the fields of DEVELOPERS.md', () => {
  const st = createGame().reset();
  assert.deepEqual(Object.keys(st).sort(),
    ['bodies', 'clock', 'distance', 'fallen', 'finished', 'frame', 'hip_limits', 'hurdle', 'jumped'].sort());
  assert.equal(st.bodies.length, 12);
  for (const b of st.bodies) assert.equal(b.length, 6);
  assert.deepEqual(Object.keys(st.hip_limits).sort(), ['leftHip', 'rightHip']);
  assert.doesNotThrow(() => JSON.stringify(st));
});

test('determinism: the same keys twice give identical floats', () => {
  const keys = keySequence(150, 7);
  const a = createGame();
  const b = createGame();
  const sa = play(a, keys);
  const sb = play(b, keys);
  assert.deepEqual(sa, sb);
  a.reset();
  assert.deepEqual(play(a, keys), sa, 'and again after a reset of the same game');
});

test('reset restores the start pose exactly', () => {
  const game = createGame();
  const first = game.reset();
  assert.deepEqual(first.bodies, initialBodies());
  assert.equal(first.clock, 0);
  assert.equal(first.frame, 0);
  assert.equal(first.fallen || first.jumped || first.finished, false);
  assert.equal(first.distance, C.bodies.torso.x * C.metres_per_unit);
  play(game, keySequence(80, 3));
  assert.deepEqual(game.reset(), first);
  assert.deepEqual(game.tiles(), createGame().tiles());
});

test('key rules: thigh/arm motor speeds, Q wins over W', () => {
  const game = createGame();
  const speeds = () => {
    const j = game.debug().joints;
    return [j.rightHip.motorSpeed, j.leftHip.motorSpeed, j.rightShoulder.motorSpeed, j.leftShoulder.motorSpeed];
  };
  const expect = (r) => [r.rightHip, r.leftHip, r.rightShoulder, r.leftShoulder];
  game.step(KEYS.Q);
  assert.deepEqual(speeds(), expect(C.rules.thighs.Q));
  assert.deepEqual(speeds(), [2.5, -2.5, -2, 2]);
  game.step(KEYS.W);
  assert.deepEqual(speeds(), expect(C.rules.thighs.W));
  game.step(KEYS.Q | KEYS.W);
  assert.deepEqual(speeds(), expect(C.rules.thighs.Q), 'Q wins over W');
  game.step(0);
  assert.deepEqual(speeds(), [0, 0, 0, 0]);
});

test('key rules: knee speeds and hip limits, O wins over P, limits stay when neither held', () => {
  const game = createGame();
  const knees = () => {
    const j = game.debug().joints;
    return [j.rightKnee.motorSpeed, j.leftKnee.motorSpeed];
  };
  const limits = () => {
    const j = game.debug().joints;
    return { leftHip: [j.leftHip.lower, j.leftHip.upper], rightHip: [j.rightHip.lower, j.rightHip.upper] };
  };
  const initial = limits();
  assert.deepEqual(game.state().hip_limits, initial);
  let st = game.step(KEYS.O);
  assert.deepEqual(knees(), [2.5, -2.5]);
  assert.deepEqual(limits(), C.rules.calves.O.hip_limits);
  assert.deepEqual(st.hip_limits, C.rules.calves.O.hip_limits);
  st = game.step(KEYS.P);
  assert.deepEqual(knees(), [-2.5, 2.5]);
  assert.deepEqual(limits(), C.rules.calves.P.hip_limits);
  assert.deepEqual(st.hip_limits, C.rules.calves.P.hip_limits);
  st = game.step(0);
  assert.deepEqual(knees(), [0, 0]);
  assert.deepEqual(st.hip_limits, C.rules.calves.P.hip_limits, 'no O/P: the last limits stay');
  st = game.step(KEYS.O | KEYS.P);
  assert.deepEqual(knees(), [2.5, -2.5], 'O wins over P');
  assert.deepEqual(st.hip_limits, C.rules.calves.O.hip_limits);
  st = game.step(KEYS.Q);
  assert.deepEqual(st.hip_limits, C.rules.calves.O.hip_limits);
});

test('head torque: -4 * (head angle + 0.2), accumulated as the original never clears forces', () => {
  const game = createGame();
  const head = () => game.state().bodies[C.state_body_order.indexOf('head')][2];
  const a0 = head();
  game.step(0);
  const t1 = C.rules.head_torque.gain * (a0 + C.rules.head_torque.offset);
  assert.equal(game.debug().headTorque, t1);
  const a1 = head();
  game.step(0);
  assert.equal(game.debug().headTorque, t1 + C.rules.head_torque.gain * (a1 + C.rules.head_torque.offset));
});

test('clock and score while running', () => {
  const game = createGame();
  let clock = 0;
  for (let i = 1; i <= 40; i++) {
    const st = game.step(i % 2 ? KEYS.W : KEYS.O);
    clock += C.clock_per_frame;
    assert.equal(st.frame, i);
    assert.equal(st.clock, clock);
    assert.equal(st.distance, st.bodies[0][0] * C.metres_per_unit);
  }
});

test('fall: holding O falls on frame 48 (as the real game), then the game stops', () => {
  const game = createGame();
  let st;
  for (let i = 1; i <= 48; i++) {
    st = game.step(KEYS.O);
    assert.equal(st.fallen, i === 48, `fallen at frame ${i}`);
  }
  assert.equal(game.ended(), true);
  assert.equal(st.distance, st.bodies[0][0] * C.metres_per_unit, 'score: the torso in the fall frame');
  // When the game ends: hip motors off, knee and shoulder motors and limits off.
  const j = game.debug().joints;
  assert.equal(j.leftHip.motorEnabled || j.rightHip.motorEnabled, false);
  assert.equal(j.leftHip.limitEnabled && j.rightHip.limitEnabled, true);
  for (const n of ['leftKnee', 'rightKnee', 'leftShoulder', 'rightShoulder']) {
    assert.equal(j[n].motorEnabled || j[n].limitEnabled, false, n);
  }
  const after = game.step(KEYS.Q, 10);
  assert.deepEqual(after, st, 'stepping after the end changes nothing (physics, clock, frame)');
});

test('setState puts the state back exactly and is a pure function of the state', () => {
  const game = createGame();
  const keys = keySequence(60, 11);
  play(game, keys.slice(0, 30));
  const mid = game.state();
  const back = game.setState(mid);
  assert.deepEqual(back, mid);
  const a = play(game, keys.slice(30));
  game.reset();
  play(game, keySequence(20, 5)); // a different history
  game.setState(mid);
  assert.deepEqual(play(game, keys.slice(30)), a);
});

test('tiles follow the camera (the torso)', () => {
  const game = createGame();
  const w = C.track.tile_width_px / C.world.px_per_unit;
  for (const dx of [0, 100, 517, -60]) {
    const st = game.setState(shifted(game.reset(), dx));
    const tiles = game.tiles();
    assert.equal(tiles.length, C.track.tiles_under_camera);
    const x = st.bodies[0][0];
    assert.ok(tiles[0] - w / 2 <= x && x <= tiles[tiles.length - 1] + w / 2, `torso ${x} over ${tiles}`);
    for (const t of tiles) assert.equal(Math.abs(t % w), 0);
  }
});

test('jump zone: the left foot touching past x = 989 sets jumped, not finished', () => {
  const game = createGame();
  game.setState(shifted(game.reset(), 988)); // left foot near x = 992, right foot near 987
  let st;
  for (let i = 0; i < 10 && !st?.jumped; i++) st = game.step(0);
  assert.equal(st.jumped, true);
  assert.equal(st.finished, false);
  assert.equal(game.ended(), false);
});

test('finish: landing in the sand pit ends the race, score from the contact point', () => {
  const game = createGame();
  const start = shifted(game.reset(), 1000);
  start.jumped = true;
  game.setState(start); // left foot near x = 1004, falling onto the track
  let st;
  for (let i = 0; i < 20 && !game.ended(); i++) st = game.step(0);
  assert.equal(st.finished, true);
  assert.equal(st.fallen, false);
  assert.ok(st.distance >= C.rules.sand_pit_x * C.metres_per_unit, `distance ${st.distance}`);
  assert.ok(st.distance < (C.rules.sand_pit_x + 10) * C.metres_per_unit);
  assert.notEqual(st.distance, st.bodies[0][0] * C.metres_per_unit, 'frozen at the contact, not the torso');
  const frozen = game.step(KEYS.W, 5);
  assert.deepEqual(frozen, st);
});

test('the hurdle stands asleep at x = 500 and is readable for drawing', () => {
  const game = createGame();
  game.step(0, 20);
  const h = game.hurdle();
  assert.deepEqual(h.base.slice(0, 3), [C.hurdle.base.x, C.hurdle.base.y, 0]);
  assert.deepEqual(h.top.slice(0, 3), [C.hurdle.top.x, C.hurdle.top.y, 0]);
  assert.equal(game.hurdleBodies.base.IsAwake(), false);
  assert.deepEqual(game.state().hurdle, h);
});

test('the state carries the hurdle as it lies once knocked over; set_state stands it up again', () => {
  const game = createGame();
  const start = game.reset();
  // the runner put just before the hurdle, moving forward at 10 units/s: it knocks the hurdle over
  const s = JSON.parse(JSON.stringify(start));
  for (const b of s.bodies) {
    b[0] += 485;
    b[3] = 10;
  }
  game.setState(s);
  const st = game.step(0, 60);
  assert.equal(st.fallen, false);
  assert.deepEqual(st.hurdle, game.hurdle());
  assert.ok(st.hurdle.base[2] > 1 && st.hurdle.top[2] > 1, `hurdle angle ${st.hurdle.base[2]}: knocked over`);
  assert.deepEqual(game.setState(st).hurdle, start.hurdle);
});

test('loads as classic scripts in a page (global Box2D, then qwop.js -> self.QWOP)', () => {
  const b2src = fs.readFileSync(require.resolve('box2dweb'), 'utf8')
    .replace(/module\.exports\s*=\s*Box2D;?\s*$/, '');
  const src = fs.readFileSync(path.join(__dirname, '..', 'src', 'qwop.js'), 'utf8');
  const ctx = vm.createContext({ Math, JSON, Object, Array, Number, Map, Set, Infinity, NaN });
  ctx.self = ctx;
  vm.runInContext(b2src + '\n;self.Box2D = Box2D;', ctx);
  vm.runInContext(src, ctx);
  assert.equal(typeof ctx.QWOP.createGame, 'function');
  const game = ctx.QWOP.createGame({ Box2D: ctx.Box2D, constants: C });
  const st = game.step(KEYS.Q, 5);
  const ref = createGame();
  assert.deepEqual(JSON.parse(JSON.stringify(st)), ref.step(KEYS.Q, 5));
});

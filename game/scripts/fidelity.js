#!/usr/bin/env node
'use strict';
// Replays every recorded key sequence of the real game (reference/real-qwop-trajectories.json.gz at
// the repository's root, see reference/README.md) through our core and reports how far our bodies
// are from the recorded ones.
//
//   node scripts/fidelity.js [--json out.json] [--only NAME[,NAME]] [--quiet]
//   QWOP_REFERENCE=/path/to/real-qwop-trajectories.json.gz overrides where the recordings are.
//
// Position error of a frame = the largest |dx|, |dy| over the 12 bodies (world units).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { createGame } = require('../src/qwop.js');

const REPORT_FRAMES = [1, 5, 10, 25, 50];
const FIRST_OVER = 0.01; // the frame where the error first exceeds this is reported
const GOOD = 1e-4; // a sequence is "matched" when its error stays below this through frame 25
const GOOD_THROUGH = 25;

// The same rule as Python's qwop_sim.reference.reference_path().
function referencePath() {
  if (process.env.QWOP_REFERENCE) return process.env.QWOP_REFERENCE;
  return path.resolve(__dirname, '..', '..', 'reference', 'real-qwop-trajectories.json.gz');
}

function loadReference(file) {
  const raw = fs.readFileSync(file);
  const text = file.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(text);
}

// Largest position error (x or y) over the bodies between our state and a recorded flat 's'.
function positionError(bodies, s) {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    e = Math.max(e, Math.abs(bodies[i][0] - s[i * 6]), Math.abs(bodies[i][1] - s[i * 6 + 1]));
  }
  return e;
}

function firstFrame(frames, flag) {
  const i = frames.findIndex((f) => f[flag]);
  return i < 0 ? null : i;
}

// Replays one sequence; returns per-frame errors and the fall/landing frames on both sides.
function replay(game, seq) {
  let st = game.reset();
  const errors = [positionError(st.bodies, seq.frames[0].s)];
  let ourFall = st.fallen ? 0 : null;
  let ourLand = st.finished ? 0 : null;
  for (let i = 1; i < seq.frames.length; i++) {
    st = game.step(seq.keys[i - 1], 1);
    errors.push(positionError(st.bodies, seq.frames[i].s));
    if (st.fallen && ourFall === null) ourFall = i;
    if (st.finished && ourLand === null) ourLand = i;
  }
  // Our game may go on where the recording stopped (the real game ended): play the keys we have
  // left so as to see whether and when we fall (no more keys: we hold the last ones for 300).
  let i = seq.frames.length;
  while (!game.ended() && ourFall === null && ourLand === null && i < seq.frames.length + 300) {
    const keys = i - 1 < seq.keys.length ? seq.keys[i - 1] : seq.keys[seq.keys.length - 1];
    st = game.step(keys, 1);
    if (st.fallen) ourFall = i;
    if (st.finished) ourLand = i;
    i++;
  }
  return {
    errors,
    realFall: firstFrame(seq.frames, 'fallen'),
    realLand: firstFrame(seq.frames, 'landed'),
    ourFall,
    ourLand,
  };
}

// Same outcome within the recording: a recording stops at the frame its game ended, so where the
// real game did not end within it, ours matches when it did not end within it either (what
// happens after the last recorded frame is unknown).
function sameEnd(real, ours, frames) {
  if (real !== null) return real === ours;
  return ours === null || ours > frames;
}

function summarise(name, r) {
  const at = {};
  for (const f of REPORT_FRAMES) at[f] = f < r.errors.length ? r.errors[f] : null;
  const over = firstOver(r.errors, FIRST_OVER);
  const through = Math.min(GOOD_THROUGH, r.errors.length - 1);
  const maxThrough = Math.max(...r.errors.slice(0, through + 1));
  return {
    name,
    frames: r.errors.length - 1,
    error_at: at,
    max_error_through_25: maxThrough,
    first_frame_over_0_01: over,
    real_fall: r.realFall,
    our_fall: r.ourFall,
    same_fall: sameEnd(r.realFall, r.ourFall, r.errors.length - 1),
    real_land: r.realLand,
    our_land: r.ourLand,
    same_land: sameEnd(r.realLand, r.ourLand, r.errors.length - 1),
    max_error_all: Math.max(...r.errors),
    first_frame_over_1e_4: firstOver(r.errors, GOOD),
    errors: r.errors, // largest body-position error at every recorded frame (0 = after reset)
    matched_25: maxThrough < GOOD,
  };
}

function firstOver(errors, limit) {
  const i = errors.findIndex((e) => e > limit);
  return i < 0 ? null : i;
}

const fmt = (e) => (e === null ? '-' : e.toExponential(1));
const fmtF = (f) => (f === null ? '-' : String(f));

function printTable(rows) {
  const head = ['sequence', 'frames', ...REPORT_FRAMES.map((f) => 'err@' + f), 'max<=25', '>1e-4@', '>0.01@',
    'fall real/ours', 'land real/ours'];
  const lines = rows.map((r) => [r.name, String(r.frames), ...REPORT_FRAMES.map((f) => fmt(r.error_at[f])),
    fmt(r.max_error_through_25), fmtF(r.first_frame_over_1e_4), fmtF(r.first_frame_over_0_01),
    `${fmtF(r.real_fall)}/${fmtF(r.our_fall)} ${r.same_fall ? 'same' : 'DIFF'}`,
    `${fmtF(r.real_land)}/${fmtF(r.our_land)} ${r.same_land ? 'same' : 'DIFF'}`]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(row(head));
  for (const l of lines) console.log(row(l));
}

function run(options) {
  options = options || {};
  const file = options.reference || referencePath();
  const ref = loadReference(file);
  const game = options.game || createGame(options.gameOptions);
  let names = Object.keys(ref.sequences);
  if (options.only) names = names.filter((n) => options.only.includes(n));
  const rows = names.map((n) => summarise(n, replay(game, ref.sequences[n])));
  const withFall = rows.filter((r) => r.real_fall !== null);
  const summary = {
    reference: file,
    sequences: rows.length,
    matched_1e4_through_25: rows.filter((r) => r.matched_25).length,
    same_fall_frame: rows.filter((r) => r.same_fall).length,
    real_falls: withFall.length,
    same_fall_frame_of_real_falls: withFall.filter((r) => r.same_fall).length,
    same_land_frame: rows.filter((r) => r.same_land).length,
    whole_sequence_under_1e4: rows.filter((r) => r.first_frame_over_1e_4 === null).length,
    recorded_frames: rows.reduce((a, r) => a + r.frames, 0),
    frames_under_1e4: rows.reduce((a, r) => a + (r.first_frame_over_1e_4 === null ? r.frames : r.first_frame_over_1e_4 - 1), 0),
    median_max_error_through_25: median(rows.map((r) => r.max_error_through_25)),
  };
  return { summary, rows };
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
}

function main(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = argv[++i];
    else if (argv[i] === '--only') opts.only = argv[++i].split(',');
    else if (argv[i] === '--quiet') opts.quiet = true;
    else if (argv[i] === '--reference') opts.reference = argv[++i];
    else throw new Error('unknown argument ' + argv[i]);
  }
  const res = run(opts);
  if (!opts.quiet) printTable(res.rows);
  const s = res.summary;
  console.log(`summary: ${s.matched_1e4_through_25}/${s.sequences} sequences under 1e-4 through frame 25; ` +
    `same fall frame ${s.same_fall_frame}/${s.sequences} (${s.same_fall_frame_of_real_falls}/${s.real_falls} of the real falls); ` +
    `same landing ${s.same_land_frame}/${s.sequences}; whole recording under 1e-4 ${s.whole_sequence_under_1e4}/${s.sequences} ` +
    `(${s.frames_under_1e4}/${s.recorded_frames} frames before the first error over 1e-4); ` +
    `median max error through 25 ${fmt(s.median_max_error_through_25)}`);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(res, null, 1));
}

module.exports = { run, replay, positionError, loadReference, referencePath };
if (require.main === module) main(process.argv.slice(2));

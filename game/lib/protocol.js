'use strict';
// The agent protocol: limits, request parsing/validation and reply encoding.
// Shared by the headless sessions (lib/headless.js) and the page relay (lib/relay.js).
// Documented in game/README.md ("Agent protocol").

const PROTOCOL_VERSION = 1;

const LIMITS = Object.freeze({
  maxFramesPerStep: 10000,      // `frames` of one step (and of one entry of `steps`)
  maxBatchSteps: 100000,        // entries of one `steps` batch
  maxBatchFrames: 1000000,      // sum of frames of one `steps` batch
  maxBatchStates: 10000,        // entries of a `steps` batch with states: true (reply size)
  maxFrameSide: 2048,           // width/height of a `frame` in pixels
  maxFramePixels: 1024 * 1024,  // width * height
  maxAgentPayload: 4 * 1024 * 1024,   // bytes of one agent message (ws maxPayload)
  maxPagePayload: 32 * 1024 * 1024,   // bytes of one page reply (a frame can be big)
  maxIdLength: 256,             // a string id's length
  maxUnsentBytes: 8 * 1024 * 1024,   // unsent reply bytes above which a connection is not read
  stuckMs: 60000,               // ... and after which, still not drained, it is closed (4429)
});

const COMMANDS = new Set(['ping', 'reset', 'step', 'steps', 'state', 'set_state', 'frame']);

class ProtocolError extends Error {}

function isInt(v) { return typeof v === 'number' && Number.isInteger(v); }

function checkKeys(v, where) {
  if (!isInt(v) || v < 0 || v > 15) throw new ProtocolError(`${where} must be an integer 0..15 (Q=1, W=2, O=4, P=8)`);
  return v;
}

function checkFrames(v, where) {
  if (!isInt(v) || v < 1 || v > LIMITS.maxFramesPerStep) {
    throw new ProtocolError(`${where} must be an integer 1..${LIMITS.maxFramesPerStep}`);
  }
  return v;
}

function checkSize(w, h, where) {
  if (!isInt(w) || !isInt(h) || w < 1 || h < 1 || w > LIMITS.maxFrameSide || h > LIMITS.maxFrameSide) {
    throw new ProtocolError(`${where} must be two integers 1..${LIMITS.maxFrameSide} (width, height)`);
  }
  if (w * h > LIMITS.maxFramePixels) throw new ProtocolError(`${where}: at most ${LIMITS.maxFramePixels} pixels`);
  return [w, h];
}

function checkFrameOpt(v) {
  if (v === undefined || v === null || v === false) return null;
  if (!Array.isArray(v) || v.length !== 2) throw new ProtocolError('frame must be [width, height]');
  return checkSize(v[0], v[1], 'frame');
}

const FINITE_FIELDS = ['distance', 'clock'];
const BOOL_FIELDS = ['fallen', 'jumped', 'finished'];

// Structural check of a raw state (see DEVELOPERS.md "The raw state"); the core does the rest.
function checkState(s) {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new ProtocolError('state must be an object');
  const b = s.bodies;
  if (!Array.isArray(b) || b.length !== 12) throw new ProtocolError('state.bodies must be 12 rows of 6 numbers');
  for (const row of b) {
    if (!Array.isArray(row) || row.length !== 6) throw new ProtocolError('state.bodies must be 12 rows of 6 numbers');
    for (const x of row) {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new ProtocolError('state.bodies must hold finite numbers');
    }
  }
  for (const f of FINITE_FIELDS) {
    if (s[f] !== undefined && (typeof s[f] !== 'number' || !Number.isFinite(s[f]))) {
      throw new ProtocolError(`state.${f} must be a finite number`);
    }
  }
  if (s.frame !== undefined && (!isInt(s.frame) || s.frame < 0)) throw new ProtocolError('state.frame must be an integer >= 0');
  for (const f of BOOL_FIELDS) {
    if (s[f] !== undefined && typeof s[f] !== 'boolean') throw new ProtocolError(`state.${f} must be a boolean`);
  }
  if (s.hip_limits !== undefined && s.hip_limits !== null) {
    const h = s.hip_limits;
    if (typeof h !== 'object' || Array.isArray(h)) throw new ProtocolError('state.hip_limits must be an object');
    for (const k of Object.keys(h)) {
      const v = h[k];
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new ProtocolError(`state.hip_limits.${k} must be [lo, hi]`);
      }
    }
  }
  return s;
}

function checkId(id) {
  if (id === undefined || id === null) return null;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  if (typeof id === 'string' && id.length <= LIMITS.maxIdLength) return id;
  throw new ProtocolError(`id must be a number or a string of at most ${LIMITS.maxIdLength} characters`);
}

// Parses one agent message (string/Buffer). Returns {id, req} where req is the normalised request,
// or throws ProtocolError (with .id set when the id could be read).
function parseRequest(text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch (e) {
    throw new ProtocolError('malformed JSON');
  }
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) throw new ProtocolError('a request must be a JSON object');
  let id;
  try {
    id = checkId(msg.id);
  } catch (e) {
    e.id = null;
    throw e;
  }
  try {
    return { id, req: normalise(msg) };
  } catch (e) {
    e.id = id;
    throw e;
  }
}

function normalise(msg) {
  const cmd = msg.cmd;
  if (typeof cmd !== 'string') throw new ProtocolError('cmd must be a string');
  if (!COMMANDS.has(cmd)) throw new ProtocolError(`unknown cmd ${JSON.stringify(cmd).slice(0, 40)}; expected one of ${[...COMMANDS].join(', ')}`);
  switch (cmd) {
    case 'ping':
    case 'state':
      return { cmd };
    case 'reset': {
      const r = { cmd };   // QWOP has no randomness: a reset takes no seed (one sent is ignored)
      const frame = checkFrameOpt(msg.frame);
      if (frame) r.frame = frame;
      return r;
    }
    case 'step': {
      const r = {
        cmd,
        keys: checkKeys(msg.keys, 'keys'),
        frames: msg.frames === undefined ? 1 : checkFrames(msg.frames, 'frames'),
      };
      const frame = checkFrameOpt(msg.frame);
      if (frame) r.frame = frame;
      return r;
    }
    case 'steps': {
      const list = msg.steps;
      if (!Array.isArray(list) || list.length < 1 || list.length > LIMITS.maxBatchSteps) {
        throw new ProtocolError(`steps must be a list of 1..${LIMITS.maxBatchSteps} [keys, frames] pairs`);
      }
      let total = 0;
      const steps = new Array(list.length);
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        if (!Array.isArray(e) || e.length < 1 || e.length > 2) throw new ProtocolError(`steps[${i}] must be [keys, frames]`);
        const k = checkKeys(e[0], `steps[${i}][0] (keys)`);
        const f = e.length > 1 ? checkFrames(e[1], `steps[${i}][1] (frames)`) : 1;
        total += f;
        steps[i] = [k, f];
      }
      if (total > LIMITS.maxBatchFrames) throw new ProtocolError(`steps: at most ${LIMITS.maxBatchFrames} frames in all`);
      if (msg.states !== undefined && typeof msg.states !== 'boolean') throw new ProtocolError('states must be a boolean');
      if (msg.states === true && steps.length > LIMITS.maxBatchStates) {
        throw new ProtocolError(`steps with states: true: at most ${LIMITS.maxBatchStates} entries`);
      }
      const r = { cmd, steps, states: msg.states === true };
      const frame = checkFrameOpt(msg.frame);
      if (frame) r.frame = frame;
      return r;
    }
    case 'set_state': {
      const r = { cmd, state: checkState(msg.state) };
      const frame = checkFrameOpt(msg.frame);
      if (frame) r.frame = frame;
      return r;
    }
    case 'frame': {
      let size;
      if (msg.frame !== undefined) {
        size = checkFrameOpt(msg.frame);
        if (!size) throw new ProtocolError('frame must be [width, height]');
      } else {
        size = checkSize(msg.width, msg.height, 'width/height');
      }
      return { cmd, frame: size };
    }
    default:
      throw new ProtocolError(`unknown cmd ${cmd}`);
  }
}

// Replies are built as strings: the hot path (step) does one JSON.stringify of the state.
function idJson(id) { return id === null || id === undefined ? 'null' : JSON.stringify(id); }

function errorReply(id, message) {
  return `{"id":${idJson(id)},"ok":false,"error":${JSON.stringify(String(message))}}`;
}

function okReply(id, body) {
  // body: an object of extra fields (state, frame, ...) or a pre-serialised JSON object string.
  const rest = typeof body === 'string' ? body : JSON.stringify(body);
  if (rest === '{}') return `{"id":${idJson(id)},"ok":true}`;
  return `{"id":${idJson(id)},"ok":true,${rest.slice(1)}`;
}

module.exports = {
  PROTOCOL_VERSION,
  LIMITS,
  COMMANDS,
  ProtocolError,
  parseRequest,
  checkState,
  errorReply,
  okReply,
  idJson,
};

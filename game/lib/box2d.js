'use strict';
// box2dweb, loaded the same way in Node and in the page: its source wrapped in a function whose
// `Math` is public/detmath.js's (native Math with deterministic sin/cos), so the physics gives
// the same bits in every JavaScript engine. Node: loadBox2D(); page: GET /vendor/box2d.js
// (pageSource(), which needs /detmath.js loaded first).
const fs = require('fs');
const vm = require('vm');
const DetMath = require('../public/detmath.js');

let file = null;
let source = null;
function box2dFile() {
  if (!file) {
    file = require.resolve('box2dweb');
    source = fs.readFileSync(file, 'utf8');
  }
  return file;
}

// box2d.js ends with `module.exports = Box2D`: give it a local `module`, and return Box2D.
// It also replaces the global Object.defineProperty with a getter/setter-only polyfill (its test
// for a native one is wrong), which breaks other code in the same realm (playwright-core in Node,
// for one): put the native one back once box2d.js has run.
function wrapped() {
  box2dFile();
  return '(function (module, Math) {\nvar qwopDefineProperty = Object.defineProperty;\ntry {\n' + source +
    '\n;return Box2D;\n} finally {\nObject.defineProperty = qwopDefineProperty;\n}\n})';
}

let nodeBox2D = null;
function loadBox2D() {
  if (!nodeBox2D) {
    const fn = vm.runInThisContext(wrapped(), { filename: box2dFile() });
    nodeBox2D = fn({ exports: {} }, DetMath.Math);
  }
  return nodeBox2D;
}

let page = null;
function pageSource() {
  if (!page) {
    page = Buffer.from(
      '// box2dweb (npm), wrapped by the QWOP server: deterministic Math from /detmath.js\n' +
      'if (!self.QWOPMath) throw new Error("load /detmath.js before /vendor/box2d.js");\n' +
      'self.Box2D = ' + wrapped() + '({ exports: {} }, self.QWOPMath.Math);\n', 'utf8');
  }
  return page;
}

module.exports = { loadBox2D, pageSource, DetMath };

'use strict';
// vendor/ (shipped with the Python package) holds exactly the ws and box2dweb that package-lock.json
// pins, file for file the same as node_modules/ after npm ci; and the server runs on vendor/ alone.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { PACKAGES, check } = require('../scripts/vendor.js');

const GAME = path.resolve(__dirname, '..');

test('vendor/ matches package-lock.json and node_modules/', () => {
  for (const name of PACKAGES) assert.ok(fs.existsSync(path.join(GAME, 'node_modules', name)), `npm ci first: ${name}`);
  assert.deepEqual(check(), []);
});

test('the server starts from a copy of the game with vendor/ and no node_modules/', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwop-vendor-'));
  try {
    for (const f of ['server.js', 'qwop.json', 'package.json', 'lib', 'src', 'public', 'vendor']) {
      fs.cpSync(path.join(GAME, f), path.join(dir, f), { recursive: true });
    }
    const env = { ...process.env, NODE_PATH: path.join(dir, 'vendor') };
    const proc = spawn(process.execPath, [path.join(dir, 'server.js'), '--port', '0'], { cwd: dir, env });
    const url = await new Promise((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on (http:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
      proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    try {
      const res = await fetch(`${url}/vendor/box2d.js`);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /b2World/);
    } finally {
      proc.kill();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

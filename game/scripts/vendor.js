#!/usr/bin/env node
'use strict';
// Copies the server's run-time Node packages (ws, box2dweb) from node_modules/ (npm ci) into
// vendor/, at the versions package-lock.json pins. vendor/ ships inside the Python package
// (qwop_game), so the node and browser backends work after a plain `pip install` with no npm step:
// the backends start the server with NODE_PATH=vendor (Node looks there after node_modules/).
//
//   npm ci && npm run vendor          # refresh vendor/ after changing a version in package-lock.json
//   node scripts/vendor.js --check    # exit 1 if vendor/ differs from node_modules/ or the lock
const fs = require('fs');
const path = require('path');

const GAME = path.resolve(__dirname, '..');
const VENDOR = path.join(GAME, 'vendor');
const PACKAGES = ['ws', 'box2dweb']; // what server.js needs at run time (playwright-core: tests only)

function lockVersion(name) {
  const lock = JSON.parse(fs.readFileSync(path.join(GAME, 'package-lock.json'), 'utf8'));
  const entry = lock.packages && lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json`);
  return entry.version;
}

function files(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...files(dir, r));
    else out.push(r);
  }
  return out.sort();
}

function check() {
  const problems = [];
  for (const name of PACKAGES) {
    const want = lockVersion(name);
    const vdir = path.join(VENDOR, name);
    const have = JSON.parse(fs.readFileSync(path.join(vdir, 'package.json'), 'utf8')).version;
    if (have !== want) problems.push(`vendor/${name} is ${have}, package-lock.json pins ${want}`);
    const ndir = path.join(GAME, 'node_modules', name);
    if (!fs.existsSync(ndir)) continue; // no npm ci here: the lock's version is what can be checked
    const a = files(vdir), b = files(ndir);
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`vendor/${name} has other files than node_modules/${name}`);
    else for (const f of a) {
      if (!fs.readFileSync(path.join(vdir, f)).equals(fs.readFileSync(path.join(ndir, f)))) {
        problems.push(`vendor/${name}/${f} differs from node_modules/${name}/${f}`);
      }
    }
  }
  return problems;
}

function copy() {
  for (const name of PACKAGES) {
    const src = path.join(GAME, 'node_modules', name);
    const version = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8')).version;
    if (version !== lockVersion(name)) throw new Error(`node_modules/${name} is ${version}: run npm ci first`);
    const dst = path.join(VENDOR, name);
    fs.rmSync(dst, { recursive: true, force: true });
    fs.cpSync(src, dst, { recursive: true });
    console.log(`vendor/${name} ${version}`);
  }
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const problems = check();
    for (const p of problems) console.error(p);
    if (problems.length) process.exit(1);
    console.log(`vendor/ matches package-lock.json (${PACKAGES.join(', ')})`);
  } else {
    copy();
  }
}

module.exports = { PACKAGES, check, lockVersion };

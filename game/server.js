#!/usr/bin/env node
'use strict';
// QWOP server: `node server [--port N] [--host H]` in game/.
// Serves the game (http://127.0.0.1:3000/) and the agent protocol (README.md).
// Prints `QWOP server listening on http://HOST:PORT` once it accepts connections.

const USAGE = `usage: node server [--port N] [--host H] [--allow-origin O]... [--verbose] [--exit-on-stdin-close]
  --port N               port (default: PORT env or 3000; 0 picks a free port)
  --host H               address to bind (default 127.0.0.1)
  --allow-origin O       also accept WebSockets from pages of origin O (e.g. http://example.test:8080),
                         and requests naming its host; repeatable; * accepts every origin and Host
  --verbose              log connections
  --exit-on-stdin-close  stop when stdin reaches end of file (for a parent process)`;

function fail(msg, code = 2) {
  process.stderr.write(`QWOP server: ${msg}\n`);
  process.exit(code);
}

function parsePort(v, where) {
  if (!/^\d+$/.test(String(v)) || Number(v) > 65535) fail(`bad port ${JSON.stringify(String(v))} (${where}); expected 0..65535\n${USAGE}`);
  return Number(v);
}

function parseArgs(argv, env) {
  const o = { host: '127.0.0.1', port: 3000, verbose: false, stdinExit: false, allowOrigins: [] };
  if (env.PORT !== undefined && env.PORT !== '') o.port = parsePort(env.PORT, 'PORT');
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      val = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => {
      if (val !== undefined) return val;
      if (i + 1 >= argv.length) fail(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    switch (a) {
      case '--port': case '-p': o.port = parsePort(next(), a); break;
      case '--host': case '-H': o.host = next(); break;
      case '--allow-origin': o.allowOrigins.push(...next().split(',').map((x) => x.trim()).filter(Boolean)); break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--exit-on-stdin-close': o.stdinExit = true; break;
      case '--help': case '-h': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: fail(`unknown option ${a}\n${USAGE}`);
    }
  }
  try {
    o.allowOrigins = require('./lib/app.js').normaliseOrigins(o.allowOrigins);
  } catch (e) {
    fail(`${e.message}\n${USAGE}`);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), process.env);
  const { createQwopServer } = require('./lib/app.js');
  const app = createQwopServer({
    host: opts.host,
    allowOrigins: opts.allowOrigins,
    log: opts.verbose ? (m) => process.stdout.write(`QWOP server: ${m}\n`) : null,
  });
  let port;
  try {
    port = await app.listen(opts.port);
  } catch (err) {
    if (err.code === 'EADDRINUSE') fail(`port ${opts.port} is already in use on ${opts.host} (stop the other server, or use --port 0 for a free port)`, 1);
    if (err.code === 'EACCES') fail(`no permission to listen on ${opts.host}:${opts.port}`, 1);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') fail(`cannot listen on host ${opts.host} (${err.code})`, 1);
    fail(`cannot listen on ${opts.host}:${opts.port}: ${err.message}`, 1);
  }
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stdout.write(`QWOP server listening on http://${shownHost}:${port}\n`);

  let stopping = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    if (opts.verbose) process.stdout.write(`QWOP server: stopping (${why})\n`);
    setTimeout(() => process.exit(0), 2000).unref();
    app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  if (opts.stdinExit) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
}

if (require.main === module) {
  main().catch((e) => fail(e && e.message ? e.message : String(e), 1));
}

module.exports = { parseArgs };

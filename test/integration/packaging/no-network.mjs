// Preloaded (NODE_OPTIONS=--import) into electron-builder and every Node process it starts, so
// the packaging test proves the packaging runs offline even on a CI machine with internet: each
// TCP connection or host-name lookup is written to $GUANGRONG_NETWORK_LOG, then fails as a
// refused connection would. Unix sockets and pipes (no host) are let through.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const logFile = process.env.GUANGRONG_NETWORK_LOG;
// Which processes ran guarded (the test checks electron-builder itself was one).
if (logFile) appendFileSync(`${logFile}.guarded`, `${process.pid} ${process.argv[1] ?? process.argv0}\n`);

function record(what) {
  if (logFile) appendFileSync(logFile, `${process.pid} ${what}\n`);
  process.stderr.write(`[no-network] blocked ${what}\n`);
}

function blockedError(what) {
  return Object.assign(new Error(`no-network: ${what} blocked (the packaging test runs offline)`), { code: 'ECONNREFUSED' });
}

// net.connect(...) hands Socket#connect its normalised arguments as one array; sockets connected
// directly get (options), (port, host) or (path).
function target(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') return first.path ? null : `${first.host ?? 'localhost'}:${first.port}`;
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null;
  return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const where = target(args);
  if (where === null) return connect.apply(this, args);
  record(`connect ${where}`);
  process.nextTick(() => this.destroy(blockedError(`connect ${where}`)));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  record(`lookup ${hostname}`);
  if (typeof done !== 'function') return lookup.call(this, hostname, options, callback);
  process.nextTick(() => done(Object.assign(blockedError(`lookup ${hostname}`), { code: 'ENOTFOUND' })));
  return undefined;
};
dns.promises.lookup = async (hostname) => {
  record(`lookup ${hostname}`);
  throw Object.assign(blockedError(`lookup ${hostname}`), { code: 'ENOTFOUND' });
};

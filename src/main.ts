import http from 'node:http';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { capConnectionsPerClient } from './connection-cap.ts';
import { trackConnections } from './http-shutdown.ts';
import { createLogger } from './logger.ts';
import { createApp } from './server.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    fail(error.message);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
if (config.jwt.kind === 'secret' && config.jwt.usingDevelopmentSecret) {
  logger.warn('JWT_SECRET is not set: using the fixed development secret. Never do this in production.');
}
if (!config.keyTagSecret) {
  logger.warn('KEY_TAG_SECRET is not set (and there is no JWT_SECRET to derive it from): every process verifies each API key with argon2 once');
}

const startedAt = performance.now();
// Bind first: a second `npm start` on a busy port must stop before it touches the database.
let handle: http.RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end('{"errors":[{"message":"Starting up: try again in a moment"}]}');
};
const server = http.createServer(
  {
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    // Node checks these timeouts on this interval (30 s by default), which would hold slow clients far longer.
    connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs / 2),
  },
  (req, res) => handle(req, res),
);
server.keepAliveTimeout = 5000;
capConnectionsPerClient(server, config.http.maxConnectionsPerClient, logger);
const connections = trackConnections(server);
try {
  await listen(server, config.port, config.host);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is already in use (is Keysmith already running?): stop that process or set PORT.`
      : `Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  );
}

let db: Database;
try {
  db = await openDatabase(config.database);
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message);
  throw error;
}
const applied = await db.migrate();
logger.info(
  { database: db.kind, applied, location: config.database.kind === 'pglite' ? config.database.dataDir ?? 'memory' : 'postgres' },
  applied.length ? 'migrations applied' : 'database schema up to date',
);

const app = createApp({ config, db, logger });
handle = app.listener;
const address = server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
logger.info(
  { port, startupMs: Math.round(performance.now() - startedAt) },
  `Keysmith listening on http://localhost:${port}/ (the console; ${config.graphiql ? 'GraphiQL' : 'GraphQL'} at http://localhost:${port}/graphql)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const forceTimer = setTimeout(() => {
    logger.warn('in-flight requests did not finish in 10 s; closing connections');
    server.closeAllConnections();
  }, 10_000);
  forceTimer.unref();
  await connections.drain();
  await app.stop();
  await db.close();
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

function listen(target: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.once('error', reject);
    target.listen(port, host, () => {
      target.off('error', reject);
      resolve();
    });
  });
}

/** Start-up failures the operator can act on: one line on stderr, no stack. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

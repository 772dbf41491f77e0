import http from 'node:http';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { createLogger } from './logger.ts';
import { createApp } from './server.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
if (config.jwt.kind === 'secret' && config.jwt.usingDevelopmentSecret) {
  logger.warn('JWT_SECRET is not set: using the fixed development secret. Never do this in production.');
}

const startedAt = performance.now();
const db = await openDatabase(config.database);
const applied = await db.migrate();
logger.info(
  { database: db.kind, applied, location: config.database.kind === 'pglite' ? config.database.dataDir ?? 'memory' : 'postgres' },
  applied.length ? 'migrations applied' : 'database schema up to date',
);

const app = createApp({ config, db, logger });
const server = http.createServer(app.listener);
server.keepAliveTimeout = 5000;

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, startupMs: Math.round(performance.now() - startedAt) },
    `Keysmith listening on http://localhost:${port}/graphql`,
  );
});

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
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await app.stop();
  await db.close();
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

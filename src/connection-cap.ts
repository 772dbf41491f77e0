import type { Server } from 'node:net';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';

/**
 * At most `max` open connections per client address. Without it, one client can hold thousands of slow connections
 * (each kept to the request timeout) and use up the process's sockets and memory for everyone. A connection over the
 * cap is destroyed as it is accepted, before it can send a request — what Node's own `server.maxConnections` does
 * for the server-wide limit — so nothing it sends is processed.
 *
 * The address is the socket peer: behind a proxy every connection comes from the proxy, so the cap is off by default
 * with TRUST_PROXY (see config.ts), where the proxy is the place to limit clients.
 */
export function capConnectionsPerClient(server: Server, max: number, logger: Logger): { openFrom(address: string): number } {
  const open = new Map<string, number>();
  if (max > 0) {
    // Before the HTTP server's own listener: a refused socket never gets a parser.
    server.prependListener('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? 'unknown';
      const count = open.get(address) ?? 0;
      if (count >= max) {
        socket.destroy();
        return;
      }
      if (count + 1 === max) logger.warn({ address, max }, 'client reached the connection cap: further connections are refused until some close');
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    });
  }
  return { openFrom: (address) => open.get(address) ?? 0 };
}

import type http from 'node:http';
import type { Socket } from 'node:net';

/**
 * Graceful HTTP shutdown, where a request is either answered in full or never processed.
 * - A connection that never sent a request (browsers open spare ones; a GraphiQL tab holds some) is destroyed at
 *   once: Node would otherwise count it as busy until its headers timeout. Destroyed before a request arrived, it
 *   cannot process one.
 * - An idle keep-alive connection is closed by Node's `closeIdleConnections()`, which only closes a connection whose
 *   parser holds no request.
 * - A request in progress, or one that arrives while draining, is answered with `Connection: close`: the client
 *   stops reusing the connection and Node closes it after that response. (Ending the socket ourselves after a
 *   response raced with the client's next request on it: processed, but never answered.)
 */
export function trackConnections(server: http.Server): { drain(): Promise<void> } {
  const responses = new Map<Socket, Set<http.ServerResponse>>();
  const used = new WeakSet<Socket>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    responses.set(socket, new Set());
    socket.once('close', () => responses.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    used.add(socket);
    if (draining) res.setHeader('connection', 'close');
    const open = responses.get(socket);
    open?.add(res);
    res.once('close', () => open?.delete(res));
  });
  return {
    drain: () =>
      new Promise<void>((resolve) => {
        draining = true;
        server.close(() => resolve());
        for (const [socket, open] of responses) {
          if (!used.has(socket)) socket.destroy();
          for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
        }
        server.closeIdleConnections();
      }),
  };
}

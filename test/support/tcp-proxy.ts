import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can freeze (stop relaying the database's answers), cut (destroy
 * every connection and refuse new ones) and restore: a database that drops out and comes back. `cutWhenSent` cuts
 * at an exact point inside a request: when the server sends a message matching a pattern (a given statement), before
 * the database receives it.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let state: 'up' | 'frozen' | 'down' = 'up';
  let trap: { match: (sent: string) => boolean; sprung: () => void } | null = null;

  const cut = () => {
    state = 'down';
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  const server = net.createServer((client) => {
    if (state === 'down') return client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (trap?.match(chunk.toString('utf8'))) {
        const { sprung } = trap;
        trap = null;
        cut();
        sprung();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (state === 'up') client.write(chunk);
    });
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    /** Answers stop arriving: queries in flight hang. */
    freeze: () => {
      state = 'frozen';
    },
    /** Every connection is cut and new ones are refused. */
    cut,
    /**
     * Cuts every connection (as `cut`) when the server sends data for which `match` is true; that data never reaches
     * the database. `match` sees everything the server sends until then. Resolves once the cut has happened.
     */
    cutWhenSent: (match: (sent: string) => boolean) =>
      new Promise<void>((resolve) => {
        trap = { match, sprung: resolve };
      }),
    restore: () => {
      state = 'up';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can freeze (stop relaying the database's answers), cut (destroy
 * every connection and refuse new ones) and restore: a database that drops out and comes back.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let state: 'up' | 'frozen' | 'down' = 'up';
  const server = net.createServer((client) => {
    if (state === 'down') return client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    client.on('data', (chunk) => upstream.write(chunk));
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
    cut: () => {
      state = 'down';
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    restore: () => {
      state = 'up';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

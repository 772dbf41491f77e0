import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

// A webhook receiver for tests, as a real one would be written: every request's signature is verified with the
// standardwebhooks package (README, "Webhooks"); `received` holds the verified events, `rejected` the forged ones.

export type Received = { id: string; type: string; body: string; payload: { type: string; timestamp: string; data: Record<string, unknown> } };

/** A receiver: verifies each request's signature with `secret` (set once known); `answer` decides the status. */
export class Receiver {
  readonly received: Received[] = [];
  readonly rejected: string[] = [];
  secret = '';
  answer = 200;
  private server: http.Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          const payload = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as Received['payload'];
          this.received.push({ id: String(req.headers['webhook-id']), type: payload.type, body, payload });
        } catch (error) {
          this.rejected.push(String(error));
        }
        res.statusCode = this.answer;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }
}

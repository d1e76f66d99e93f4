// A TCP proxy between the service and PostgreSQL that can be told to cut a connection at the
// worst moment: just after PostgreSQL confirmed a COMMIT, before the service hears of it. The
// transaction is then committed, but the service sees only a broken connection.
import { type Server, type Socket, connect, createServer } from 'node:net';

export interface CuttingProxy {
  port: number;
  /** The next COMMIT confirmation on any connection is swallowed and that connection cut. */
  cutAfterNextCommit(): void;
  /** How many connections were cut so far. */
  cuts(): number;
  close(): Promise<void>;
}

const COMMIT_COMPLETE = Buffer.from('COMMIT\0');

export async function startCuttingProxy(target: { host: string; port: number }): Promise<CuttingProxy> {
  let armed = false;
  let cut = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    // Server messages are framed: one type byte, then a 4-byte length counting itself. Until
    // the first message, the server may send a single 'N' or 'S' byte (SSL refused or accepted).
    let pending = Buffer.alloc(0);
    let started = false;
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const forward: Buffer[] = [];
      if (!started && pending.length > 0 && (pending[0] === 0x4e || pending[0] === 0x53) && pending.length === 1) {
        client.write(pending);
        pending = Buffer.alloc(0);
        return;
      }
      started = true;
      let offset = 0;
      while (pending.length - offset >= 5) {
        const length = pending.readInt32BE(offset + 1);
        if (pending.length - offset < 1 + length) break;
        const message = pending.subarray(offset, offset + 1 + length);
        const isCommit = message[0] === 0x43 && message.subarray(5).equals(COMMIT_COMPLETE);
        if (isCommit && armed) {
          armed = false;
          cut++;
          if (forward.length > 0) client.write(Buffer.concat(forward));
          end();
          return;
        }
        forward.push(message);
        offset += 1 + length;
      }
      pending = pending.subarray(offset);
      if (forward.length > 0) client.write(Buffer.concat(forward));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    cutAfterNextCommit: () => {
      armed = true;
    },
    cuts: () => cut,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

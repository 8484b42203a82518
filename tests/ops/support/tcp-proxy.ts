import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy the tests put between the API and PostgreSQL to simulate an outage:
 * `blackhole()` drops every open connection and accepts new ones without ever
 * answering (like a dead host behind a firewall); `pass()` forwards again.
 */
export class TcpProxy {
  private mode: 'pass' | 'blackhole' = 'pass';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(upstreamHost: string, upstreamPort: number): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    server.on('connection', (client: Socket) => proxy.accept(client, upstreamHost, upstreamPort));
    return proxy;
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  pass(): void {
    this.mode = 'pass';
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, host: string, port: number): void {
    this.track(client);
    if (this.mode === 'blackhole') return;
    const upstream = createConnection({ host, port });
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }
}

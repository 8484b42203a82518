import { Logger } from '@nestjs/common';
import { listenForOutboxEvents } from '@rilon/core';
import { Client } from 'pg';
import { relayBackoffMs } from './relay-backoff';

/**
 * LISTENs on the outbox channel over a dedicated connection (a pooled one would be
 * handed to other queries and lose the subscription). When the connection drops it
 * reconnects with capped exponential backoff; after every (re)connect it calls `wake`,
 * because notifications sent while it was away are gone (the relay's poll covers that
 * gap too).
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly wake: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'rilon-outbox-listener',
      connectionTimeoutMillis: 3000,
      keepAlive: true,
    });
    let dropped = false;
    const drop = (): void => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      this.retry();
    };
    client.on('notification', () => this.wake());
    client.on('error', drop);
    client.on('end', drop);
    try {
      await client.connect();
      await listenForOutboxEvents(client);
    } catch {
      drop();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) this.logger.log('outbox listener reconnected');
    this.failures = 0;
    this.client = client;
    this.wake();
  }

  private retry(): void {
    if (this.stopped) return;
    if (this.failures === 0) {
      this.logger.warn('outbox listener lost its connection; polling until it reconnects');
    }
    this.failures += 1;
    this.timer = setTimeout(() => void this.connect(), relayBackoffMs(this.failures));
  }
}

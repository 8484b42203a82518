import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, createRedis, REDIS } from '@rilon/core';
import { SessionLoader } from '@rilon/identity';
import type { Redis } from 'ioredis';
import { InboxRepository, RecentRequest } from '../inbox/inbox.repository';
import type { NotificationRow } from '../inbox/notification.view';
import { Batcher } from './batcher';
import { LIVE_CHUNK, liveChannel, parseLiveMessage } from './live-channel';
import { HEARTBEAT_MS, LiveStream, StreamReads, StreamSink } from './live-stream';
import { StreamSlots } from './stream-slots';

/** How a stream opens: after what (a resume), and until when (the access token's expiry). */
export interface OpenOptions {
  lastEventId?: string;
  /** Epoch ms; the stream ends then. */
  expiresAtMs?: number;
}

/**
 * The streams open on this API instance and its ONE Redis subscriber connection: a
 * message naming users wakes those users' local streams, so any instance serves any
 * user. While Redis is away the streams stay open (heartbeats only); when it returns
 * every stream pulls, so nothing created meanwhile is missed. Admission is bounded per
 * user and per instance (StreamSlots) before the response starts.
 *
 * Each stream still re-checks its session and reads its own rows before it sends, but the
 * streams one message wakes do so together: their session checks are one statement and
 * their reads another (Batcher). Two statements per stream took a thousand streams past a
 * second on the pool's ten connections (issue 10; `npm run bench -- streams`).
 */
@Injectable()
export class LiveHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  private readonly streams = new Map<string, Set<LiveStream>>();
  private readonly slots: StreamSlots;
  private subscriber?: Redis;
  private wasReady = false;
  /** Between keep-alives (each re-checks the session) of streams opened from now on. */
  heartbeatMs = HEARTBEAT_MS;
  private readonly reloads: Batcher<Actor, Actor | null>;
  private readonly recents: Batcher<RecentRequest, NotificationRow[]>;
  private readonly reads: StreamReads;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    inbox: InboxRepository,
    sessions: SessionLoader,
    @Inject(REDIS) redis: Redis,
  ) {
    this.slots = new StreamSlots(redis, config.streamMaxPerInstance);
    this.reloads = new Batcher((actors) => sessions.loadMany(actors), LIVE_CHUNK);
    this.recents = new Batcher((requests) => inbox.recentMany(requests), LIVE_CHUNK);
    this.reads = {
      nowMs: () => inbox.nowMs(),
      after: (actor, lastId, limit) => inbox.after(actor, lastId, limit),
      recent: (actor, sinceMs, marginSeconds, sentIds, limit) =>
        this.recents.load({ actor, sinceMs, marginSeconds, sentIds, limit }),
    };
  }

  onModuleInit(): void {
    this.slots.start();
    const channel = liveChannel(this.config.queuePrefix);
    const subscriber = createRedis(this.config.redisUrl, {
      commandTimeout: undefined,
      maxRetriesPerRequest: null,
    });
    subscriber.on('error', () => undefined);
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).catch((e: Error) => this.logger.warn(e.message));
      // After an outage, pull for everyone: messages sent meanwhile were lost.
      if (this.wasReady) this.pullAll();
      this.wasReady = true;
    });
    subscriber.on('message', (_channel: string, raw: string) => {
      for (const userId of parseLiveMessage(raw)) {
        for (const stream of this.streams.get(userId) ?? []) void stream.pull();
      }
    });
    this.subscriber = subscriber;
  }

  onModuleDestroy(): void {
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.close();
    this.slots.stop();
    this.subscriber?.disconnect();
  }

  /**
   * Opens a stream for the caller. Admission comes first and throws the problem to answer
   * (429: the user's streams; 503: this instance's), before `begin` starts the response
   * and gives the sink to write to.
   */
  async open(
    actor: Actor,
    begin: () => StreamSink,
    options: OpenOptions = {},
  ): Promise<LiveStream> {
    const slot = await this.slots.acquire(actor.userId);
    let sink: StreamSink;
    try {
      sink = begin();
    } catch (error) {
      this.slots.release(slot);
      throw error;
    }
    const stream = new LiveStream(
      actor,
      sink,
      this.reads,
      (a) => this.reloads.load(a),
      (s) => {
        this.slots.release(slot);
        this.remove(s);
      },
      this.heartbeatMs,
      options.expiresAtMs,
    );
    let set = this.streams.get(actor.userId);
    if (!set) this.streams.set(actor.userId, (set = new Set()));
    set.add(stream);
    await stream.start(options.lastEventId);
    return stream;
  }

  get openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  private pullAll(): void {
    for (const set of this.streams.values()) for (const stream of set) void stream.pull();
  }

  private remove(stream: LiveStream): void {
    const set = this.streams.get(stream.actor.userId);
    set?.delete(stream);
    if (set && set.size === 0) this.streams.delete(stream.actor.userId);
  }
}

import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditRowColumnsSql, AuditRowText, GENESIS_HASH, planChain } from '@rilon/audit';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';

const BATCH = 1000;
const INTERVAL_MS = 1000;
/** Any constant both sealers agree on; taken per transaction, so a crash frees it. */
const SEALER_LOCK = 7_364_310_001;

/**
 * Appends audit_events to the hash chain (audit_chain), in seq order, every second.
 *
 * Sealing window: a committed audit row is sealed within about two seconds (one tick
 * plus the batch), unless a lower seq is still in flight. Sequence numbers are taken
 * at insert but transactions commit out of order, so only the contiguous committed
 * prefix after the chain head is sealed; a missing seq waits until it commits, or,
 * once a later row is older than `maxTransactionSeconds` (60 s by default), is
 * recorded as a `gap` (its transaction rolled back). So the window is a few seconds
 * normally and at most maxTransactionSeconds plus a tick behind a rollback; a
 * rollback after the last row is sealed only when a later row arrives. A transaction
 * that outlives maxTransactionSeconds and then commits an audit row finds its seq
 * already sealed as a gap: verify reports it, as it would a forged row. Writers never
 * wait on the sealer. One sealer runs at a time across worker instances (an advisory
 * transaction lock; the primary key on audit_chain.seq stops a double append anyway).
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Seals until caught up; returns how many chain entries were appended. */
  async sealAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.sealBatch();
      total += sealed;
      if (sealed < BATCH || this.stopped) return total;
    }
  }

  /** One transaction: lock, read the head and the next committed rows, append. */
  sealBatch(): Promise<number> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [SEALER_LOCK],
      );
      if (!lock?.locked) return 0;
      const [head] = await manager.query<Array<{ seq: string; hash: string }>>(
        'SELECT c.seq::text AS seq, c.hash FROM audit_chain c ORDER BY c.seq DESC LIMIT 1',
      );
      const headSeq = head?.seq ?? '0';
      const rows = await manager.query<Array<AuditRowText & { settled: boolean }>>(
        `SELECT ${auditRowColumnsSql('e')},
                e.occurred_at < clock_timestamp() - make_interval(secs => $2) AS settled
           FROM audit_events e
          WHERE e.seq > $1
          ORDER BY e.seq
          LIMIT ${BATCH}`,
        [headSeq, this.config.maxTransactionSeconds],
      );
      const entries = planChain(
        { seq: BigInt(headSeq), hash: head?.hash ?? GENESIS_HASH },
        rows.map((row) => ({ row, settled: row.settled })),
      );
      if (entries.length > 0) await this.append(manager, entries);
      return entries.length;
    });
  }

  private async append(
    manager: EntityManager,
    entries: ReturnType<typeof planChain>,
  ): Promise<void> {
    // One statement for the batch: arrays instead of four bind parameters per entry.
    await manager.query(
      `INSERT INTO audit_chain (seq, kind, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::char(64)[], $4::char(64)[])`,
      [
        entries.map((e) => e.seq),
        entries.map((e) => e.kind),
        entries.map((e) => e.prevHash),
        entries.map((e) => e.hash),
      ],
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sealAll()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'audit sealing failed'))
        .finally(() => this.schedule(INTERVAL_MS));
    }, delayMs);
  }
}

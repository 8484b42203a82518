import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditChainRepository,
  AuditCheckpointsRepository,
  AuditEventsRepository,
  GENESIS_HASH,
  planChain,
  signCheckpoint,
} from '@rilon/audit';
import { APP_CONFIG, AppConfig, ConfigError } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';

const BATCH = 1000;
const INTERVAL_MS = 1000;

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
 * transaction lock, AuditChainRepository.trySealerLock; the primary key on audit_chain.seq stops a double append anyway).
 *
 * Checkpoints: in the same transaction, once the last checkpoint is older than
 * AUDIT_CHECKPOINT_SECONDS (60 s) and the head has moved past it, the head's seq and hash
 * are signed with AUDIT_SIGNING_KEY (Ed25519) into audit_checkpoints. The key never enters
 * the database, so whoever can rewrite the tables still cannot re-seal past a checkpoint.
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
    private readonly events: AuditEventsRepository,
    private readonly chain: AuditChainRepository,
    private readonly checkpoints: AuditCheckpointsRepository,
  ) {
    if (!config.auditSigning.privateKey) {
      throw new ConfigError(
        'the worker signs audit checkpoints: set AUDIT_SIGNING_KEY (an Ed25519 private key, PEM)',
      );
    }
    if (config.auditSigning.generated) {
      this.logger.warn(
        'AUDIT_SIGNING_KEY is not set: checkpoints are signed with a key made for this process, which an API in another process cannot verify',
      );
    }
  }

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
      if (!(await this.chain.trySealerLock(manager))) return 0;
      const head = await this.chain.head(manager);
      const headSeq = head?.seq ?? '0';
      const rows = await this.events.committedAfter(
        manager,
        headSeq,
        this.config.maxTransactionSeconds,
        BATCH,
      );
      const entries = planChain(
        { seq: BigInt(headSeq), hash: head?.hash ?? GENESIS_HASH },
        rows.map((row) => ({ row, settled: row.settled })),
      );
      if (entries.length > 0) await this.chain.append(manager, entries);
      const last = entries.at(-1) ?? (head ? { seq: head.seq, hash: head.hash } : undefined);
      if (last) await this.checkpoint(manager, last);
      return entries.length;
    });
  }

  /** Signs the head when the last checkpoint is behind it and older than the interval. */
  private async checkpoint(
    manager: EntityManager,
    head: { seq: string; hash: string },
  ): Promise<void> {
    const due = await this.checkpoints.isDue(
      manager,
      head.seq,
      this.config.auditSigning.checkpointSeconds,
    );
    if (!due) return;
    const { privateKey, keyId } = this.config.auditSigning;
    const signed = signCheckpoint(
      { seq: head.seq, hash: head.hash, signedAt: new Date().toISOString() },
      privateKey!,
      keyId!,
    );
    await this.checkpoints.insert(manager, signed);
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

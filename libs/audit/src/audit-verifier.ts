import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, ProblemException } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChainChecker, ChainBreak, type ChainEntryRow } from './audit-chain-checker';
import { AuditChainRepository } from './audit-chain.repository';
import { GENESIS_HASH } from './audit-hash';
import { AuditVerificationsRepository } from './audit-verifications.repository';
import { Checkpoint, checkCheckpoint } from './checkpoint-signature';

export interface VerifyResult {
  ok: boolean;
  /** The run started from the first event rather than from a checkpoint found intact before. */
  full: boolean;
  /** The seq of the signed checkpoint the run started after; 0 when it started at the first event. */
  fromSeq: number;
  /** The last entry checked: the sealed head, or where the bound of breaks stopped the run. */
  verifiedThrough: number;
  /** The stored hash of that entry. */
  headHash: string;
  firstBadSeq?: number;
  breaks: ChainBreak[];
  /** The run stopped at MAX_BREAKS breaks; more may follow. */
  truncated: boolean;
  /** The latest signed checkpoint found intact (this run or, before its start, an earlier one). */
  checkpoint: Checkpoint | null;
}

/** Breaks one run reports at most; it stops there. */
export const MAX_BREAKS = 100;
/**
 * Entries per batch: large enough that per-query costs vanish at 10^6 entries, small enough
 * (about 5 MB of rows) to keep the API's memory flat.
 */
const BATCH = 10_000;

/**
 * Verifies the audit chain: each entry links to the one before, each row still hashes to
 * what was sealed, and each signed checkpoint verifies with a configured public key and
 * names the hash the chain holds there. A rewrite that re-seals the chain (possible only
 * for whoever owns the tables) therefore breaks at the next checkpoint.
 *
 * Incremental by default: a run starts after the latest checkpoint an earlier run found
 * intact (its signature and its hash in the chain are checked again) and goes to the
 * sealed head; `full` starts at the first event. One run at a time across instances; a
 * run reports every break up to {@link MAX_BREAKS} and is recorded in audit_verifications.
 * Rows written in the last seconds are not sealed yet and so not covered.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly chain: AuditChainRepository,
    private readonly verifications: AuditVerificationsRepository,
  ) {}

  async verify(options: { full?: boolean; actorId?: string | null } = {}): Promise<VerifyResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    // Every statement of the run on this one connection: the lock is its session's.
    const manager = runner.manager;
    try {
      if (!(await this.verifications.tryLock(manager))) {
        throw new ProblemException({
          status: 409,
          type: 'verification-running',
          title: 'A verification is running',
          detail: 'Another verification of the audit chain is running; try again when it ends.',
          headers: { 'Retry-After': '5' },
        });
      }
      try {
        return await this.run(manager, options.full === true, options.actorId ?? null);
      } finally {
        await this.verifications.unlock(manager);
      }
    } finally {
      await runner.release();
    }
  }

  private async run(manager: EntityManager, full: boolean, actorId: string | null) {
    const startedAt = new Date();
    const keys = this.config.auditSigning.publicKeys;
    const start = full ? null : await this.startingCheckpoint(manager);
    const checker = new AuditChainChecker(
      start ? { seq: BigInt(start.seq), hash: start.hash } : { seq: 0n, hash: GENESIS_HASH },
      keys,
      MAX_BREAKS,
    );
    const headSeq = (await this.chain.head(manager))?.seq ?? '0';
    await this.walk(manager, checker, headSeq);
    const breaks = checker.breaks;
    const ok = breaks.length === 0;
    // The start was checked before the run; a checkpoint met later counts only before any break.
    const good = checker.goodCheckpoint ?? start;
    await this.verifications.insert(manager, {
      startedAt,
      actorId,
      fullRun: start === null,
      fromSeq: start?.seq ?? '0',
      throughSeq: checker.through.toString(),
      headHash: checker.headHash,
      ok,
      breaks: breaks.length,
      firstBadSeq: breaks[0]?.seq ?? null,
      goodCheckpointSeq: good?.seq ?? null,
    });
    const result: VerifyResult = {
      ok,
      full: start === null,
      fromSeq: Number(start?.seq ?? 0),
      verifiedThrough: Number(checker.through),
      headHash: checker.headHash,
      breaks,
      truncated: checker.full,
      checkpoint: good,
    };
    if (!ok) result.firstBadSeq = breaks[0].seq;
    return result;
  }

  /**
   * Feeds the checker every entry after its start through `headSeq`, a batch at a time. Each
   * batch is one walk of the primary keys from where the last ended (bounded on both sides,
   * AuditChainRepository.entriesBetween), so a run costs what it checks: incremental runs in
   * proportion to what was sealed since their checkpoint. The next batch is asked for before
   * this one is hashed, so PostgreSQL reads it meanwhile.
   */
  private async walk(manager: EntityManager, checker: AuditChainChecker, headSeq: string) {
    const head = BigInt(headSeq);
    const fetch = (after: string): Promise<ChainEntryRow[]> =>
      BigInt(after) < head
        ? this.chain.entriesBetween(manager, after, headSeq, BATCH)
        : Promise.resolve([]);
    let next = fetch(checker.through.toString());
    try {
      while (!checker.full) {
        const batch = await next;
        if (batch.length === 0) return;
        next = fetch(batch[batch.length - 1].chain_seq);
        for (const row of batch) {
          if (!checker.check(row)) break;
        }
      }
    } finally {
      // A batch asked for ahead and not needed (the bound of breaks was reached, or a
      // check threw): let it finish before the connection is used again, unseen.
      await next.catch(() => undefined);
    }
  }

  /**
   * The latest checkpoint an earlier run found intact, if it still is: signed with a known
   * key and naming the hash the chain holds there. Otherwise the run starts at the first event.
   */
  private async startingCheckpoint(manager: EntityManager): Promise<Checkpoint | null> {
    const found = await this.verifications.latestGoodCheckpoint(manager);
    if (!found) return null;
    const { checkpoint } = found;
    const intact =
      checkCheckpoint(checkpoint, this.config.auditSigning.publicKeys) === 'valid' &&
      found.chainHash === checkpoint.hash;
    return intact ? checkpoint : null;
  }
}

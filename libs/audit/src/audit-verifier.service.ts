import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, newId, ProblemException } from '@rilon/core';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditChainChecker, ChainBreak, ChainEntryRow } from './audit-chain-checker';
import { auditRowColumnsSql, GENESIS_HASH } from './audit-hash';
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
const BATCH = 1000;
/** Any constant; a session lock on the run's own connection, so a crash frees it. */
const VERIFY_LOCK = 7_364_310_002;

const SIGNED_AT_SQL = (alias: string) =>
  `to_char(${alias}.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface CheckpointRow {
  k_seq: string | null;
  k_hash: string | null;
  k_signed_at: string | null;
  k_key_id: string | null;
  k_signature: string | null;
}

/** QueryRunner.query is untyped; the rows are what the SELECT list says. */
async function rows<T>(runner: QueryRunner, sql: string, params?: unknown[]): Promise<T[]> {
  return (await runner.query(sql, params)) as T[];
}

function checkpointOf(row: CheckpointRow): Checkpoint | null {
  if (row.k_seq === null) return null;
  return {
    seq: row.k_seq,
    hash: row.k_hash!,
    signedAt: row.k_signed_at!,
    keyId: row.k_key_id!,
    signature: row.k_signature!,
  };
}

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
  ) {}

  async verify(options: { full?: boolean; actorId?: string | null } = {}): Promise<VerifyResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [lock] = await rows<{ locked: boolean }>(
        runner,
        'SELECT pg_try_advisory_lock($1) AS locked',
        [VERIFY_LOCK],
      );
      if (!lock?.locked) {
        throw new ProblemException({
          status: 409,
          type: 'verification-running',
          title: 'A verification is running',
          detail: 'Another verification of the audit chain is running; try again when it ends.',
          headers: { 'Retry-After': '5' },
        });
      }
      try {
        return await this.run(runner, options.full === true, options.actorId ?? null);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [VERIFY_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async run(runner: QueryRunner, full: boolean, actorId: string | null) {
    const startedAt = new Date();
    const keys = this.config.auditSigning.publicKeys;
    const start = full ? null : await this.startingCheckpoint(runner);
    const checker = new AuditChainChecker(
      start ? { seq: BigInt(start.seq), hash: start.hash } : { seq: 0n, hash: GENESIS_HASH },
      keys,
      MAX_BREAKS,
    );
    const [head] = await rows<{ seq: string }>(
      runner,
      'SELECT c.seq::text AS seq FROM audit_chain c ORDER BY c.seq DESC LIMIT 1',
    );
    const headSeq = head?.seq ?? '0';
    let from = checker.through.toString();
    while (BigInt(from) < BigInt(headSeq) && !checker.full) {
      // Both sides of the join are bounded to the batch's range, so the plan walks each
      // primary key forward from `from` instead of from the first row.
      const batch = await rows<ChainEntryRow & CheckpointRow>(
        runner,
        `SELECT c.seq::text AS chain_seq, c.kind, c.prev_hash, c.hash, e.seq IS NOT NULL AS present,
                ${auditRowColumnsSql('e')},
                k.seq::text AS k_seq, k.hash AS k_hash, ${SIGNED_AT_SQL('k')} AS k_signed_at,
                k.key_id AS k_key_id, k.signature AS k_signature
           FROM audit_chain c
           LEFT JOIN audit_events e ON e.seq = c.seq AND e.seq > $1 AND e.seq <= $2
           LEFT JOIN audit_checkpoints k ON k.seq = c.seq AND k.seq > $1 AND k.seq <= $2
          WHERE c.seq > $1 AND c.seq <= $2
          ORDER BY c.seq
          LIMIT ${BATCH}`,
        [from, headSeq],
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        if (!checker.check({ ...row, checkpoint: checkpointOf(row) })) break;
      }
      from = checker.through.toString();
    }
    const breaks = checker.breaks;
    const ok = breaks.length === 0;
    // The start was checked before the run; a checkpoint met later counts only before any break.
    const good = checker.goodCheckpoint ?? start;
    await runner.query(
      `INSERT INTO audit_verifications (id, started_at, actor_id, full_run, from_seq, through_seq,
          head_hash, ok, breaks, first_bad_seq, good_checkpoint_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        newId(),
        startedAt,
        actorId,
        start === null,
        start?.seq ?? '0',
        checker.through.toString(),
        checker.headHash,
        ok,
        breaks.length,
        breaks[0]?.seq ?? null,
        good?.seq ?? null,
      ],
    );
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
   * The latest checkpoint an earlier run found intact, if it still is: signed with a known
   * key and naming the hash the chain holds there. Otherwise the run starts at the first event.
   */
  private async startingCheckpoint(runner: QueryRunner): Promise<Checkpoint | null> {
    const [row] = await rows<CheckpointRow & { chain_hash: string }>(
      runner,
      `SELECT k.seq::text AS k_seq, k.hash AS k_hash, ${SIGNED_AT_SQL('k')} AS k_signed_at,
              k.key_id AS k_key_id, k.signature AS k_signature, c.hash AS chain_hash
         FROM audit_verifications v
         JOIN audit_checkpoints k ON k.seq = v.good_checkpoint_seq
         JOIN audit_chain c ON c.seq = k.seq
        WHERE v.good_checkpoint_seq IS NOT NULL
        ORDER BY v.good_checkpoint_seq DESC
        LIMIT 1`,
    );
    const checkpoint = row ? checkpointOf(row) : null;
    if (!checkpoint) return null;
    const intact =
      checkCheckpoint(checkpoint, this.config.auditSigning.publicKeys) === 'valid' &&
      row.chain_hash === checkpoint.hash;
    return intact ? checkpoint : null;
  }
}

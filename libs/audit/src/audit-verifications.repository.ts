import { Injectable } from '@nestjs/common';
import { newId, queryRows } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import {
  checkpointColumnsSql,
  checkpointOf,
  type CheckpointColumns,
} from './audit-checkpoints.repository';
import type { Checkpoint } from './checkpoint-signature';

/** Any constant; a session lock on the run's own connection, so a crash frees it. */
const VERIFY_LOCK = 7_364_310_002;

/** What one run of the verifier found, as audit_verifications keeps it. */
export interface VerificationRecord {
  startedAt: Date;
  actorId: string | null;
  fullRun: boolean;
  fromSeq: string;
  throughSeq: string;
  headHash: string;
  ok: boolean;
  breaks: number;
  firstBadSeq: number | null;
  goodCheckpointSeq: string | null;
}

/**
 * The owner of `audit_verifications`: the runs of the verifier, the lock that keeps them
 * one at a time, and the checkpoint the latest of them found intact.
 */
@Injectable()
export class AuditVerificationsRepository {
  /** `manager` must be bound to one connection (a QueryRunner's): the lock is that session's. */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [row] = await queryRows<{ locked: boolean }>(
      manager,
      'SELECT pg_try_advisory_lock($1) AS locked',
      [VERIFY_LOCK],
    );
    return row?.locked === true;
  }

  async unlock(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_unlock($1)', [VERIFY_LOCK]);
  }

  async insert(manager: EntityManager, run: VerificationRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_verifications (id, started_at, actor_id, full_run, from_seq, through_seq,
          head_hash, ok, breaks, first_bad_seq, good_checkpoint_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        newId(),
        run.startedAt,
        run.actorId,
        run.fullRun,
        run.fromSeq,
        run.throughSeq,
        run.headHash,
        run.ok,
        run.breaks,
        run.firstBadSeq,
        run.goodCheckpointSeq,
      ],
    );
  }

  /**
   * The highest checkpoint an earlier run found intact, with the hash the chain holds at
   * its seq now; null when no run found one.
   */
  async latestGoodCheckpoint(
    manager: EntityManager,
  ): Promise<{ checkpoint: Checkpoint; chainHash: string } | null> {
    const [row] = await queryRows<CheckpointColumns & { chain_hash: string }>(
      manager,
      `SELECT ${checkpointColumnsSql('k')}, c.hash AS chain_hash
         FROM audit_verifications v
         JOIN audit_checkpoints k ON k.seq = v.good_checkpoint_seq
         JOIN audit_chain c ON c.seq = k.seq
        WHERE v.good_checkpoint_seq IS NOT NULL
        ORDER BY v.good_checkpoint_seq DESC
        LIMIT 1`,
    );
    const checkpoint = row ? checkpointOf(row) : null;
    return checkpoint ? { checkpoint, chainHash: row.chain_hash } : null;
  }
}

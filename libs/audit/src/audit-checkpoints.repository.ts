import { Injectable } from '@nestjs/common';
import { queryRows } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import type { Checkpoint } from './checkpoint-signature';

/** The columns of a checkpoint under `alias`, prefixed `k_`, as {@link checkpointOf} reads them. */
export function checkpointColumnsSql(alias: string): string {
  return `${alias}.seq::text AS k_seq, ${alias}.hash AS k_hash,
          to_char(${alias}.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS k_signed_at,
          ${alias}.key_id AS k_key_id, ${alias}.signature AS k_signature`;
}

/** A checkpoint's columns as {@link checkpointColumnsSql} names them; all null after a LEFT JOIN that found none. */
export interface CheckpointColumns {
  k_seq: string | null;
  k_hash: string | null;
  k_signed_at: string | null;
  k_key_id: string | null;
  k_signature: string | null;
}

export function checkpointOf(row: CheckpointColumns): Checkpoint | null {
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
 * The owner of `audit_checkpoints`: the signed (seq, hash) pairs the worker's sealer
 * writes. The verifier reads them joined to the chain (AuditChainRepository) and to its
 * own runs (AuditVerificationsRepository) with {@link checkpointColumnsSql}.
 */
@Injectable()
export class AuditCheckpointsRepository {
  /**
   * Whether a checkpoint at `headSeq` is due: none yet, or the latest is behind the head
   * and older than `intervalSeconds`. The latest by seq is the latest by time too: one
   * probe of the primary key.
   */
  async isDue(manager: EntityManager, headSeq: string, intervalSeconds: number): Promise<boolean> {
    const [row] = await queryRows<{ due: boolean }>(
      manager,
      `SELECT coalesce(
                (SELECT k.seq < $1 AND k.signed_at <= clock_timestamp() - make_interval(secs => $2)
                   FROM audit_checkpoints k ORDER BY k.seq DESC LIMIT 1),
                true) AS due`,
      [headSeq, intervalSeconds],
    );
    return row?.due === true;
  }

  async insert(manager: EntityManager, checkpoint: Checkpoint): Promise<void> {
    await manager.query(
      `INSERT INTO audit_checkpoints (seq, hash, signed_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        checkpoint.seq,
        checkpoint.hash,
        checkpoint.signedAt,
        checkpoint.keyId,
        checkpoint.signature,
      ],
    );
  }
}

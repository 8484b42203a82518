import { Injectable } from '@nestjs/common';
import { queryRows } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import type { ChainEntryRow } from './audit-chain-checker';
import type { PlannedEntry } from './audit-chain-planner';
import {
  checkpointColumnsSql,
  checkpointOf,
  type CheckpointColumns,
} from './audit-checkpoints.repository';
import type { Statement } from './audit-events.repository';
import { auditRowColumnsSql } from './audit-hash';

/** Any constant both sealers agree on; taken per transaction, so a crash frees it. */
const SEALER_LOCK = 7_364_310_001;

/**
 * The owner of `audit_chain`: the sealer's lock, the head and the append, and the
 * verifier's walk over the chain with the rows and checkpoints it seals.
 */
@Injectable()
export class AuditChainRepository {
  /** One sealer at a time across worker instances, until `manager`'s transaction ends. */
  async trySealerLock(manager: EntityManager): Promise<boolean> {
    const [row] = await queryRows<{ locked: boolean }>(
      manager,
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [SEALER_LOCK],
    );
    return row?.locked === true;
  }

  /** The last entry, or undefined while nothing is sealed. */
  async head(manager: EntityManager): Promise<{ seq: string; hash: string } | undefined> {
    const [row] = await queryRows<{ seq: string; hash: string }>(
      manager,
      'SELECT c.seq::text AS seq, c.hash FROM audit_chain c ORDER BY c.seq DESC LIMIT 1',
    );
    return row;
  }

  async append(manager: EntityManager, entries: PlannedEntry[]): Promise<void> {
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

  /**
   * The entries with `afterSeq < seq <= throughSeq`, ascending, `limit` at most, each with
   * the row it seals (if still there) and the checkpoint signed at it (if any).
   */
  async entriesBetween(
    manager: EntityManager,
    afterSeq: string,
    throughSeq: string,
    limit: number,
  ): Promise<ChainEntryRow[]> {
    const { sql, params } = this.entriesBetweenStatement(afterSeq, throughSeq, limit);
    // `checkpoint` is set below, in place rather than a copy per entry: a full verification
    // reads a million of them.
    const rows = await queryRows<ChainEntryRow & CheckpointColumns>(manager, sql, params);
    for (const row of rows) row.checkpoint = checkpointOf(row);
    return rows;
  }

  /** {@link entriesBetween}'s statement, for it and for the plan test (tests/audit/audit-plans.test.ts). */
  entriesBetweenStatement(afterSeq: string, throughSeq: string, limit: number): Statement {
    // Both sides of the join are bounded to the batch's range, so the plan walks each
    // primary key forward from `afterSeq` instead of from the first row.
    return {
      sql: `SELECT c.seq::text AS chain_seq, c.kind, c.prev_hash, c.hash, e.seq IS NOT NULL AS present,
              ${auditRowColumnsSql('e')},
              ${checkpointColumnsSql('k')}
         FROM audit_chain c
         LEFT JOIN audit_events e ON e.seq = c.seq AND e.seq > $1 AND e.seq <= $2
         LEFT JOIN audit_checkpoints k ON k.seq = c.seq AND k.seq > $1 AND k.seq <= $2
        WHERE c.seq > $1 AND c.seq <= $2
        ORDER BY c.seq
        LIMIT ${Number(limit)}`,
      params: [afterSeq, throughSeq],
    };
  }
}

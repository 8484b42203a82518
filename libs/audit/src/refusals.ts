import { Injectable } from '@nestjs/common';
import type { ProblemException } from '@rilon/core';
import { AuditService } from './audit.service';
import { RefusedError, type Refusal } from './refused.error';

/**
 * The one way to refuse: every refusal is audited here, on a connection of its own and
 * outside any transaction, so it is kept although the request changes nothing, and it
 * never waits for a second pooled connection while a transaction holds the first (or a
 * row lock).
 *
 * Outside a transaction, `throw await refusals.refuse(entry, problem)`; inside one,
 * throw a {@link RefusedError} (see {@link denied}) and run the work in `guard`.
 */
@Injectable()
export class Refusals {
  constructor(private readonly audit: AuditService) {}

  /** Records the refusal and gives back the answer, for the caller to throw (or return). */
  async refuse(refusal: Refusal, problem: ProblemException): Promise<ProblemException> {
    await this.audit.recordAlone(refusal);
    return problem;
  }

  /**
   * Runs `work`; a RefusedError out of it is recorded and answered with its problem.
   * Call it outside the transaction `work` opens, so the record waits for the rollback.
   */
  async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error;
      throw await this.refuse(error.refusal, error.problem);
    }
  }
}

import { Actor, ProblemException } from '@rilon/core';
import type { AuditAction } from './audit-action';
import type { AuditRecord, AuditService } from './audit.service';
import { denied, RefusedError } from './refused.error';
import { Refusals } from './refusals';
import { requireAdmin } from './require-admin';

const actor = { userId: 'u1', globalRole: null, teams: [] } as unknown as Actor;

function refusals(): { refusals: Refusals; recorded: AuditRecord[] } {
  const recorded: AuditRecord[] = [];
  const audit = {
    recordAlone: (entry: AuditRecord) => {
      recorded.push(entry);
      return Promise.resolve();
    },
  } as unknown as AuditService;
  return { refusals: new Refusals(audit), recorded };
}

describe('Refusals', () => {
  it('records a refusal thrown by the work once it has unwound, and answers its problem', async () => {
    const { refusals: r, recorded } = refusals();
    let unwound = false;
    const work = async (): Promise<never> => {
      try {
        await Promise.resolve();
        throw denied(actor, 'team.update', { type: 'team', id: 't1' }, 'No', { role: 'lead' });
      } finally {
        unwound = true;
      }
    };
    const answer = await r.guard(work).catch((error: unknown) => {
      // Nothing was recorded while the work (its transaction, its locks) was still running.
      expect(unwound).toBe(true);
      return error;
    });
    expect(answer).toBeInstanceOf(ProblemException);
    expect((answer as ProblemException).problem).toMatchObject({ status: 403, detail: 'No' });
    expect(recorded).toEqual([
      {
        actorId: 'u1',
        action: 'team.update.denied',
        targetType: 'team',
        targetId: 't1',
        outcome: 'denied',
        details: { role: 'lead' },
      },
    ]);
  });

  it('lets any other error through and records nothing', async () => {
    const { refusals: r, recorded } = refusals();
    const conflict = ProblemException.conflict('taken');
    await expect(r.guard(() => Promise.reject(conflict))).rejects.toBe(conflict);
    await expect(r.guard(() => Promise.resolve(7))).resolves.toBe(7);
    expect(recorded).toEqual([]);
  });

  it('refuse records the entry as given and hands back the problem to throw', async () => {
    const { refusals: r, recorded } = refusals();
    const problem = ProblemException.tooManyRequests(30);
    const entry = {
      actorId: null,
      action: 'auth.login',
      outcome: 'denied',
      details: { reason: 'throttled' },
    } as const;
    await expect(r.refuse(entry, problem)).resolves.toBe(problem);
    expect(recorded).toEqual([entry]);
  });

  it('requireAdmin refuses everyone but administrators, naming the action tried', () => {
    expect(() => requireAdmin(actor, 'capital.create', 'capital')).toThrow(RefusedError);
    const admin = { ...actor, globalRole: 'admin' } as Actor;
    expect(() => requireAdmin(admin, 'capital.create', 'capital')).not.toThrow();
    let thrown: unknown = null;
    try {
      requireAdmin(actor, 'member.create', 'member', 'AF');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as RefusedError).refusal).toMatchObject({
      action: 'member.create.denied',
      targetType: 'member',
      targetId: 'AF',
    });
  });

  it('knows the audit actions by name: a misspelt one does not typecheck', () => {
    const known: AuditAction[] = ['auth.login', 'report.publish.denied', 'access.denied'];
    // @ts-expect-error a typo is not an audit action
    const typo: AuditAction = 'auth.lgoin';
    // @ts-expect-error nor is a refusal of an action that cannot be refused
    const notDeniable: AuditAction = 'auth.logout.denied';
    expect([...known, typo, notDeniable]).toHaveLength(5);
  });
});

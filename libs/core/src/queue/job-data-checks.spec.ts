import { UnrecoverableError } from 'bullmq';
import { parseEmailJob, parseOutboxJob } from './job-data';
import { faultsOf, field } from './job-data-checks';

const ID = '0196a3a4-0000-7000-8000-000000000001';
const KEY = '0196a3a4-0000-7000-8000-000000000002';

function published(data: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  return {
    name: 'report.published',
    id: `evt-${KEY}`,
    data: {
      outboxId: '42',
      eventKey: KEY,
      type: 'report.published',
      payload: { reportId: ID, version: 1, actorId: ID, ...payload },
      occurredAt: '2026-01-02T03:04:05.000Z',
      ...data,
    },
  };
}

describe('faultsOf', () => {
  it('names the fields that do not fit, nested ones by their path', () => {
    const shape = { id: field.uuid, inner: { n: field.count } };
    expect(faultsOf({ id: ID, inner: { n: 1 } }, shape)).toEqual([]);
    expect(faultsOf({ id: 'x', inner: { n: -1 } }, shape)).toEqual(['id', 'inner.n']);
    expect(faultsOf({ id: ID, inner: 'n' }, shape)).toEqual(['inner']);
    for (const data of [null, 'text', 7, [ID]]) expect(faultsOf(data, shape)).toEqual(['(data)']);
  });

  it('reads own fields only, never inherited ones', () => {
    expect(faultsOf(Object.create({ id: ID }), { id: field.uuid })).toEqual(['id']);
  });
});

describe('parseOutboxJob', () => {
  it('returns the data of a well-formed fan-out job', () => {
    const job = published();
    expect(parseOutboxJob(job)).toBe(job.data);
    const removal = {
      name: 'membership.changed',
      data: {
        ...published().data,
        type: 'membership.changed',
        payload: { userId: ID, teamId: ID, role: null, actorId: null },
      },
    };
    expect(parseOutboxJob(removal)).toBe(removal.data);
  });

  it.each([
    ['an outbox id that names no row', published({ outboxId: '1; DROP' }), 'outboxId'],
    ['a non-UUID event key', published({ eventKey: 'k' }), 'eventKey'],
    ['a type other than the job name', published({ type: 'report.amended' }), 'type'],
    ['a missing payload', published({ payload: undefined }), 'payload'],
    ['a report id that is no UUID', published({}, { reportId: 'r' }), 'payload.reportId'],
    ['a version as text', published({}, { version: '1' }), 'payload.version'],
    ['an instant that is none', published({ occurredAt: 'yesterday' }), 'occurredAt'],
  ])('fails for good on %s', (_what, job, fault) => {
    expect(() => parseOutboxJob(job)).toThrow(UnrecoverableError);
    expect(() => parseOutboxJob(job)).toThrow(new RegExp(`: .*${fault.replace('.', '\\.')}`));
  });

  it('fails for good on a job name that is no event type, and never echoes the data', () => {
    expect(() => parseOutboxJob({ ...published(), name: 'report.deleted' })).toThrow(
      UnrecoverableError,
    );
    const secret = published({ eventKey: 'secret-value' });
    expect(() => parseOutboxJob(secret)).toThrow(
      /^malformed report\.published job evt-\S+: eventKey$/,
    );
  });
});

describe('parseEmailJob', () => {
  it('checks each e-mail job by the shape of its name', () => {
    expect(parseEmailJob({ name: 'email.send', data: { outboxId: '7' } })).toEqual({
      outboxId: '7',
    });
    expect(
      parseEmailJob({ name: 'notification.digest', data: { userId: ID, day: '2026-02-28' } }),
    ).toEqual({ userId: ID, day: '2026-02-28' });
    for (const job of [
      { name: 'email.send', data: { outboxId: 7 } },
      { name: 'notification.immediate', data: { notificationId: 'n' } },
      { name: 'notification.digest', data: { userId: ID, day: '2026-13-01' } },
      { name: 'notification.digest', data: null },
      { name: 'toString', data: {} },
    ])
      expect(() => parseEmailJob(job)).toThrow(UnrecoverableError);
  });
});

/**
 * @rilon/core: what the areas and both apps share, below every other library (it imports
 * none of them). Configuration, PostgreSQL and transactions, RFC 9457 problems, pagination,
 * the request context, the outbox (the one table it owns), queues and jobs, Redis, ids and
 * deadlines, the validators every area uses, the actor and its team roles, logging.
 */
/** The configuration, read and validated once at start; webhook-secret and audit-signing keys. */
export * from './config/app-config';
export * from './config/config.module';
export * from './config/webhook-secret-keys';
export * from './config/audit-signing-config';
/** PostgreSQL: data source options, naming, error codes, transactions, raw queries, pg pool. */
export * from './database/data-source-options';
export * from './database/snake-naming.strategy';
export * from './database/pg-errors';
export * from './database/transaction';
export * from './database/raw-query';
export * from './database/pg-pool';
/** RFC 9457 problems: the exception services throw, the global filter, validation answers. */
export * from './errors/problem.exception';
export * from './errors/problem.filter';
export * from './errors/validation';
/** Cursor pages, and where the running request came from (request id, address, user agent). */
export * from './http/pagination';
export * from './http/request-context';
/** The readiness probe's database ping. */
export * from './database/database-health.repository';
/** The outbox: event types and payloads, the owning repository of its table, its entity. */
export * from './outbox/outbox';
export * from './outbox/outbox.repository';
export * from './outbox/outbox-event.entity';
/** Redis clients for commands and for BullMQ, and the start-up check of their credentials. */
export * from './redis/redis';
/** UUIDv7 ids, and the one timeout race (`withDeadline`). */
export * from './util/ids';
export * from './util/deadline';
/** Validators the DTOs of every area share: single-line text, `Absent()`, `MEMBER_CODE`. */
export * from './validation/single-line.decorator';
export * from './validation/absent.decorator';
export * from './validation/member-code';
/** The signed-in caller (`Actor`): global role, team roles and the checks on them. */
export * from './auth/actor';
/** BullMQ: queue names, job payloads and their checks, outbox routing, options, producers. */
export * from './queue/queues';
export * from './queue/job-data';
export * from './queue/job-data-checks';
export * from './queue/outbox-routing';
export * from './queue/job-options';
export * from './queue/worker-options';
export * from './queue/producer-queue';
/** The Nest module of the shared Redis command client, closed at shutdown. */
export * from './redis/redis.module';
/** Logging: the pino options both apps use, and the paths it redacts. */
export * from './logging/logger';

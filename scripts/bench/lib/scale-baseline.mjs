// The bare baseline of `npm run bench -- scale`: plain Fastify 5 and pg running the project's
// own SQL: the compiled query services and repositories of dist/ (report lists and search,
// the statistics series, the audit list, the report insert and its audit row), called
// directly with a pg pool of the API's size. What it leaves out is what the API adds: Nest's
// router, the access guard and the session check, passport-jwt, class-validator and
// class-transformer, the rate limit, the request log and the problem filter.
//   DATABASE_URL=… PORT=… RILON_ROOT=… node scripts/bench/lib/scale-baseline.mjs
// The caller is named by the `x-user` header (a user id); its memberships are read once.
// With SESSION_CHECK=1 it runs the API's own session check instead, the prepared statement of
// SessionsRepository.holder, on every request (the `x-session` header names the session):
// the same SQL as the API, so the ratio is what the framework alone costs
// (`npm run bench -- scale --bare-session-check`).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';

const ROOT = process.env.RILON_ROOT ?? process.cwd();
const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'dist/apps/api/libs', path));
const { ReportsRepository } = dist('reports/src/reports.repository.js');
const { ReportQueryService } = dist('reports/src/report-query.service.js');
const { StatisticsRepository } = dist('reports/src/statistics/statistics.repository.js');
const { StatisticsSeriesService } = dist('reports/src/statistics/statistics-series.service.js');
const { AuditEventsRepository } = dist('audit/src/audit-events.repository.js');
const { AuditQueryService } = dist('audit/src/audit-query.service.js');
const { countriesOf } = dist('reports/src/report-countries.js');
const { newId } = dist('core/src/index.js');
const { SessionsRepository } = dist('identity/src/sessions/sessions.repository.js');
const { SessionLoader } = dist('identity/src/auth/session-loader.js');
const SESSION_CHECK = process.env.SESSION_CHECK === '1';

// libs/core data-source-options: the API's pool holds 10 connections.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// What TypeORM's manager.query gives a repository: the rows.
const rowsOf = (runner) => ({
  query: (sql, params) => runner.query(sql, params).then((r) => r.rows),
});
const manager = rowsOf(pool);
const dataSource = { ...manager, manager };

const reportsRepository = new ReportsRepository();
const reports = new ReportQueryService(dataSource, reportsRepository, null);
const statistics = new StatisticsSeriesService(new StatisticsRepository(dataSource));
const auditEvents = new AuditEventsRepository(dataSource);
const audit = new AuditQueryService(auditEvents);

// The API's own loader; pgPool() reads the pool where TypeORM keeps it.
const sessions = new SessionLoader(new SessionsRepository({ driver: { master: pool } }));

const actors = new Map();
async function actorOf(request) {
  const id = String(request.headers['x-user'] ?? '');
  if (SESSION_CHECK) {
    const sessionId = String(request.headers['x-session'] ?? '');
    const actor = await sessions.load(id, sessionId);
    if (!actor) throw Object.assign(new Error('no live session'), { statusCode: 401 });
    return actor;
  }
  let actor = actors.get(id);
  if (!actor) {
    const { rows } = await pool.query(
      `SELECT u.id, u.email, u.display_name, u.member_code, u.global_role,
              coalesce(json_agg(json_build_object('teamId', m.team_id, 'role', m.role))
                FILTER (WHERE m.team_id IS NOT NULL), '[]') AS teams
         FROM users u LEFT JOIN team_memberships m ON m.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    if (rows.length === 0) throw Object.assign(new Error('unknown x-user'), { statusCode: 401 });
    const u = rows[0];
    actor = {
      userId: u.id,
      sessionId: newId(),
      email: u.email,
      displayName: u.display_name,
      memberCode: u.member_code,
      globalRole: u.global_role,
      teams: u.teams,
    };
    actors.set(id, actor);
  }
  return actor;
}

/** The query string as the API's DTOs hand it on: numbers and booleans converted. */
function typed(query) {
  const out = { ...query };
  if (out.limit !== undefined) out.limit = Number(out.limit);
  if (out.urgent !== undefined) out.urgent = out.urgent === 'true';
  return out;
}

async function main() {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.get('/health/ready', async () => ({ status: 'ok' }));
  app.get('/reports', async (request) =>
    reports.list(await actorOf(request), typed(request.query)),
  );
  app.get('/statistics/series', async (request) =>
    statistics.series(await actorOf(request), request.query),
  );
  app.get('/audit-events', async (request) => audit.list(typed(request.query)));
  // The same durable work as POST /api/v1/reports, by the same statement: the report row
  // (with its search document and every index) and its audit row, written together by one
  // data-modifying CTE, the created report answered from RETURNING.
  app.post('/reports', async (request, reply) => {
    const actor = await actorOf(request);
    const b = request.body;
    const id = newId();
    const created = await reportsRepository.insert(
      manager,
      {
        id,
        type: b.type,
        teamId: b.teamId,
        authorId: actor.userId,
        title: b.title,
        summary: b.summary ?? '',
        tlp: b.tlp,
        distributionTeamIds: [],
        recipientUserIds: [],
        urgent: b.urgent ?? false,
        sourceReliability: b.sourceReliability ?? 'X',
        informationCredibility: b.informationCredibility ?? '4',
        body: b.body,
        countries: countriesOf(b.body),
      },
      (first) =>
        auditEvents.insertStatement(
          {
            actorId: actor.userId,
            action: 'report.create',
            targetType: 'report',
            targetId: id,
            outcome: 'success',
            ip: request.ip,
            requestId: null,
            details: { type: b.type, tlp: b.tlp, version: 1, teamId: b.teamId },
          },
          first,
        ),
    );
    reply.code(201);
    return created;
  });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const stop = () =>
    app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`scale-baseline: ${error.stack ?? error}\n`);
  process.exit(1);
});

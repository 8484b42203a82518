// The scale data set of issue 10 (`npm run bench -- scale`, and the plan guard of
// tests/ops/query-plans.test.ts at 10^5 rows): a network grown for years, written straight
// into a migrated database with multi-row INSERT ... SELECT over generate_series, never row
// by row, through every constraint and trigger the migrations define (the search document,
// the TAXII feed and its commit-order stamp, the statistics rollups, the append-only audit
// log). CommonJS so that the benchmark (ESM) and the jest tests (CJS) load the same file.
//
// At scale 1: 10,000 users in 12 teams; 1,000,000 published reports (visa fraud 50 %,
// modus operandi 36 %, training 13.4 %, statistics 0.6 %) under CLEAR 25 %, GREEN 45 %,
// AMBER 20 %, AMBER+STRICT 7 %, RED 3 %, 5 % of them amended once (so 1,050,000
// versions); 6,000 official statistics figures (40 reporting countries x 150 months) with
// 1,008,000 observations; 1,000,000 audit events, sealed into the hash chain with the
// project's own hashing. Every row is a function of its ordinal and a fixed seed, so two
// runs at one scale hold the same data.
'use strict';

const { createHash } = require('node:crypto');

/** Countries the reports mention, most frequent first (ISO 3166 alpha-3, valid ICAO codes). */
const COUNTRIES = [
  'THA',
  'MYS',
  'IDN',
  'LKA',
  'AFG',
  'PAK',
  'BGD',
  'MMR',
  'VNM',
  'PHL',
  'IND',
  'CHN',
  'KHM',
  'IRN',
  'IRQ',
  'NPL',
  'AUS',
  'NZL',
  'SGP',
  'TUR',
  'ARE',
  'SYR',
  'SOM',
  'ERI',
  'ETH',
  'SDN',
  'NGA',
  'EGY',
  'LAO',
  'JPN',
  'KOR',
  'QAT',
  'SAU',
  'GBR',
  'USA',
  'CAN',
  'FRA',
  'DEU',
  'ITA',
  'ESP',
];
/** Never written: a filter on it matches nothing. */
const ABSENT_COUNTRY = 'ISL';

/** Words of titles and summaries, Zipf-like: the first is in about one report in six. */
const WORDS = (
  'passport visa forged border route smuggling network transit airport document fraud ' +
  'counterfeit boarding departure arrival vessel harbour crossing recruitment agent facilitator ' +
  'laminate biodata photo substitution stamp entry exit permit residence identity seafarer ' +
  'employment letter deposit guest house coastal patrol escort hub flight itinerary consulate ' +
  'interview victim trafficking debt bondage plantation fishing night group luggage ticket ' +
  'sponsor invitation genuine stolen blank impostor lookalike ultraviolet hologram security ' +
  'feature watermark perforation chip reader mismatch overstay asylum refusal return removal ' +
  'detention referral hotline awareness training course analysis intelligence cooperation ' +
  'liaison officer capital regional trend increasing stable decreasing new pattern cluster ' +
  'cash informal transfer courier bus truck container concealment compartment maritime ' +
  'land sea air jungle river checkpoint bribery corruption official insider forged'
).split(' ');
/** A word in about 0.5 % of reports (the issue's "term with ~5,000 hits" at scale 1). */
const MID_TERM = 'hawala';
/** A word in about 0.2 % of reports: right at the old rare-term threshold of 2,000. */
const THRESHOLD_TERM = 'kafala';
const RARE_PREFIX = 'opk'; // opk<n>: about ten reports each at scale 1

const TYPES_SQL = `CASE WHEN r1 < 0.5 THEN 'visa_fraud_trend' WHEN r1 < 0.86 THEN 'modus_operandi' ELSE 'training_offer' END`;
const TLP_SQL = `CASE WHEN r2 < 0.25 THEN 'CLEAR' WHEN r2 < 0.70 THEN 'GREEN' WHEN r2 < 0.90 THEN 'AMBER'
  WHEN r2 < 0.97 THEN 'AMBER+STRICT' ELSE 'RED' END`;
const INDICATORS = [
  'irregular_border_crossing',
  'facilitator_detected',
  'refusal_of_entry',
  'illegal_stay',
  'fraudulent_document',
  'asylum_application',
  'trafficking_victim_identified',
  'return_decision',
  'effective_return',
];
const BORDER_TYPES = ['air', 'sea', 'land'];

/** How much of each kind a scale holds. */
function sizes(scale) {
  const n = (x) => Math.max(1, Math.round(x * scale));
  const statsCountries = Math.max(
    2,
    Math.min(COUNTRIES.length, Math.round(COUNTRIES.length * Math.sqrt(scale))),
  );
  const statsMonths = Math.max(2, Math.round((6000 * scale) / statsCountries));
  return {
    users: Math.max(120, n(10_000)),
    teams: 12,
    reports: n(994_000), // plus the statistics reports: 10^6 in all at scale 1
    statsCountries,
    statsMonths,
    audit: n(1_000_000),
  };
}

/** ids that anyone can recompute: the md5 of a kind and an ordinal, stamped as a v4 UUID. */
const idSql = (kind, ordinal) =>
  `overlay(overlay(md5('${kind}:' || ${ordinal}) placing '4' from 13) placing '8' from 17)::uuid`;
const idOf = (kind, ordinal) => {
  const h = createHash('md5').update(`${kind}:${ordinal}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

/**
 * What a data set generated at sizes `s` holds and where a benchmark finds it: every id is a
 * function of an ordinal, so a database generated earlier (scale.mjs --database) is described
 * without reading it.
 */
function describeScale(s) {
  const statsReports = s.statsCountries * s.statsMonths;
  return {
    sizes: { ...s, statsReports, observations: statsReports * 168 },
    terms: { common: WORDS[0], mid: MID_TERM, threshold: THRESHOLD_TERM, rare: `${RARE_PREFIX}7` },
    countries: { common: COUNTRIES[0], absent: ABSENT_COUNTRY },
    ids: {
      admin: { id: idOf('user', 1), email: 'user1@scale.example.org' },
      auditor: { id: idOf('user', 2), email: 'user2@scale.example.org' },
      // user 15 is an officer of team 4 (15 % 12 = 3) and of no other team
      officer: { id: idOf('user', 15), email: 'user15@scale.example.org', teamId: idOf('team', 4) },
      lead: { id: idOf('user', 43), email: 'user43@scale.example.org', teamId: idOf('team', 8) },
      team: (t) => idOf('team', t),
      user: (u) => idOf('user', u),
      report: (g) => idOf('report', g),
    },
  };
}

/**
 * Loads the data set into the migrated database `client` is connected to (as its owner).
 * `passwordHash` is the argon2 hash every generated user gets (so a benchmark can sign in
 * as anyone; none: nobody signs in); `hashing` is the project's audit hashing
 * ({canonicalEvent, canonicalGap, chainHash, GENESIS_HASH, auditRowColumnsSql}), needed for
 * the audit part; `parts` picks what besides the users and teams is loaded. Returns what was
 * loaded and the ids a benchmark needs.
 */
async function loadScaleData(
  client,
  {
    scale = 1,
    passwordHash = null,
    hashing,
    extraClients = [],
    parts = ['reports', 'statistics', 'audit'],
    log = () => {},
  },
) {
  const s = sizes(scale);
  const timed = async (label, work) => {
    const t0 = Date.now();
    const result = await work();
    log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SELECT setseed(0.4242)`);

  await timed(`${s.teams} teams, ${s.users} users`, async () => {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO capitals (id, name, country_code, timezone)
       SELECT ${idSql('capital', 't')}, 'Capital ' || t, ($1::text[])[t], 'Asia/Bangkok'
         FROM generate_series(1, ${s.teams}) t`,
      [COUNTRIES],
    );
    await client.query(
      `INSERT INTO teams (id, name, capital_id, created_at)
       SELECT ${idSql('team', 't')}, 'RILON ' || ($1::text[])[t], ${idSql('capital', 't')},
              '2016-01-01T00:00:00Z'::timestamptz + t * interval '1 second'
         FROM generate_series(1, ${s.teams}) t`,
      [COUNTRIES],
    );
    // User u belongs to team 1 + (u % teams); one in 40 leads it, one in 10 observes; user 1
    // is an administrator, user 2 an auditor; one user in ten is in a second team too.
    await client.query(
      `INSERT INTO users (id, email, display_name, member_code, global_role, password_hash)
       SELECT ${idSql('user', 'u')}, 'user' || u || '@scale.example.org', 'Officer ' || u,
              m.codes[1 + u % array_length(m.codes, 1)],
              CASE u WHEN 1 THEN 'admin' WHEN 2 THEN 'auditor' END, $1
         FROM generate_series(1, ${s.users}) u,
              (SELECT array_agg(code ORDER BY code) AS codes FROM members WHERE kind = 'state') m`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO team_memberships (team_id, user_id, role)
       SELECT ${idSql('team', `1 + u % ${s.teams}`)}, ${idSql('user', 'u')},
              CASE WHEN u % 40 = 3 THEN 'lead' WHEN u % 10 = 9 THEN 'observer' ELSE 'officer' END
         FROM generate_series(3, ${s.users}) u
       UNION ALL
       SELECT ${idSql('team', `1 + (u + 5) % ${s.teams}`)}, ${idSql('user', 'u')}, 'officer'
         FROM generate_series(3, ${s.users}) u WHERE u % 10 = 4`,
    );
    await client.query('COMMIT');
  });

  // Reports, in batches of their own transactions (each commit stamps its TAXII rows).
  const BATCH = 50_000;
  const span = `interval '3650 days'`;
  const start = `'2016-12-01T00:00:00Z'::timestamptz`;
  const reportBatch = async (c, lo, hi) => {
    await c.query('BEGIN');
    // A seed per batch: the same rows whichever connection writes them.
    await c.query(`SELECT setseed(${(lo / (s.reports + 1)).toFixed(8)})`);
    await c.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, summary, tlp,
           distribution_team_ids, recipient_user_ids, urgent, source_reliability,
           information_credibility, body, countries, status, version, created_at, updated_at,
           submitted_at, published_at)
         SELECT ${idSql('report', 'g')}, type, team, author, title, summary, tlp,
                CASE WHEN tlp IN ('AMBER', 'AMBER+STRICT')
                     THEN ARRAY[team, ${idSql('team', `1 + (t + 4) % ${s.teams}`)}]::uuid[]
                     ELSE '{}' END,
                CASE WHEN tlp = 'RED' THEN ARRAY[author, ${idSql('user', `3 + (g * 7) % ${s.users - 2}`)},
                       ${idSql('user', `3 + (g * 13) % ${s.users - 2}`)}]::uuid[] ELSE '{}' END,
                r7 < 0.03, (ARRAY['A','B','C','X'])[1 + floor(r5 * 4)::int],
                (ARRAY['1','2','3','4'])[1 + floor(r6 * 4)::int],
                CASE type
                  WHEN 'visa_fraud_trend' THEN jsonb_build_object(
                    'documentType', (ARRAY['passport','visa','residence_permit','identity_card'])[1 + floor(r3 * 4)::int],
                    'issuingCountry', c1, 'fraudType', (ARRAY['counterfeit','forgery','fraudulently_obtained','impostor'])[1 + floor(r4 * 4)::int],
                    'personsDetected', 1 + floor(r5 * 60)::int, 'documentsDetected', 1 + floor(r5 * 70)::int,
                    'direction', (ARRAY['entry','exit','transit'])[1 + floor(r6 * 3)::int],
                    'periodStart', to_char(at - interval '30 days', 'YYYY-MM-DD'),
                    'periodEnd', to_char(at, 'YYYY-MM-DD'),
                    'holderNationalities', jsonb_build_array(c2),
                    'detectionPoints', jsonb_build_array(jsonb_build_object('type', 'airport', 'country', c1)),
                    'trend', (ARRAY['new','increasing','stable','decreasing'])[1 + floor(r3 * 4)::int],
                    'indicators', jsonb_build_array(summary))
                  WHEN 'modus_operandi' THEN jsonb_build_object(
                    'crimeType', CASE WHEN r3 < 0.7 THEN 'smuggling' ELSE 'trafficking' END,
                    'transportModes', jsonb_build_array((ARRAY['air','sea','land'])[1 + floor(r4 * 3)::int]),
                    'route', jsonb_build_object('origin', c2, 'transit', '[]'::jsonb, 'destination', c1),
                    'methods', jsonb_build_array((ARRAY['document_fraud','visa_abuse','maritime_vessel','online_recruitment','escorted_travel'])[1 + floor(r5 * 5)::int]),
                    'description', summary || '. ' || title || '.')
                  ELSE jsonb_build_object(
                    'topic', (ARRAY['document_examination','interviewing','intelligence_analysis','victim_identification'])[1 + floor(r3 * 4)::int],
                    'provider', 'IOM', 'deliveryMode', 'in_person',
                    'location', jsonb_build_object('city', 'Capital', 'country', c1),
                    'startDate', to_char(at + interval '60 days', 'YYYY-MM-DD'),
                    'endDate', to_char(at + interval '64 days', 'YYYY-MM-DD'),
                    'applicationDeadline', to_char(at + interval '30 days', 'YYYY-MM-DD'),
                    'seats', 10 + floor(r4 * 30)::int, 'languages', '["en"]'::jsonb)
                END,
                CASE WHEN c1 = c2 OR type = 'training_offer' THEN ARRAY[c1]
                     WHEN c1 < c2 THEN ARRAY[c1, c2] ELSE ARRAY[c2, c1] END::varchar[],
                'published', CASE WHEN r8 < 0.05 THEN 2 ELSE 1 END,
                at - interval '2 days', at + CASE WHEN r8 < 0.05 THEN interval '3 days' ELSE interval '0' END,
                at - interval '1 day', at
           FROM (
             SELECT g, t, type, tlp, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, c1, c2, at,
                    ${idSql('team', 't')} AS team,
                    ${idSql('user', `t - 1 + ${s.teams} * (1 + floor(r7 * ${Math.floor(s.users / s.teams) - 2})::int)`)} AS author,
                    initcap(w[1]) || ' ' || w[2] || ' ' || w[3] || ' on ' || c1 || ' routes' AS title,
                    'Officers report ' || w[4] || ' and ' || w[5] || ' ' || w[6]
                      || CASE WHEN r9 < 0.005 THEN ' through ${MID_TERM} agents' ELSE '' END
                      || CASE WHEN r10 < 0.002 THEN ' under ${THRESHOLD_TERM} sponsorship' ELSE '' END
                      || ', case ${RARE_PREFIX}' || (g % ${Math.max(10, Math.round(s.reports / 10))}) AS summary
               FROM (
                 SELECT g, 1 + g % ${s.teams} AS t, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10,
                        ${TYPES_SQL} AS type, ${TLP_SQL} AS tlp,
                        ($1::text[])[1 + floor(${COUNTRIES.length} * r3 * r3)::int] AS c1,
                        ($1::text[])[1 + floor(${COUNTRIES.length} * r4 * r4)::int] AS c2,
                        ${start} + ${span} * (g::float8 / ${s.reports}) + interval '1 second' * floor(r5 * 600) AS at,
                        ARRAY(SELECT ($2::text[])[1 + floor(${WORDS.length} * power(random() + g * 0, 3))::int]
                                FROM generate_series(1, 6)) AS w
                   FROM (SELECT g, random() r1, random() r2, random() r3, random() r4,
                                random() r5, random() r6, random() r7, random() r8,
                                random() r9, random() r10
                           FROM generate_series(${lo}, ${hi}) g) seeds
               ) picked
           ) shaped`,
      [COUNTRIES, WORDS],
    );
    // Each published version as the lifecycle snapshots it (ReportsRepository.insertVersion);
    // an amended report's first version had another title.
    await c.query(
      `INSERT INTO report_versions (report_id, version, title, summary, tlp, distribution, urgent,
           source_reliability, information_credibility, body, countries, created_at, created_by)
         SELECT id, v, CASE WHEN v < version THEN title || ' (first version)' ELSE title END,
                summary, tlp,
                CASE WHEN tlp IN ('AMBER', 'AMBER+STRICT') THEN jsonb_build_object('teamIds', to_jsonb(distribution_team_ids))
                     WHEN tlp = 'RED' THEN jsonb_build_object('userIds', to_jsonb(recipient_user_ids))
                     ELSE '{}'::jsonb END,
                urgent, source_reliability, information_credibility, body, countries,
                CASE WHEN v < version THEN published_at ELSE updated_at END, author_id
           FROM reports, generate_series(1, version) v
          WHERE id IN (SELECT ${idSql('report', 'g')} FROM generate_series(${lo}, ${hi}) g)`,
    );
    await c.query('COMMIT');
    log(`  reports through ${hi} of ${s.reports}`);
  };
  if (parts.includes('reports'))
    await timed(`${s.reports} published reports with versions`, async () => {
      // Batches over every connection given (2 cores: two writers), each its own transaction.
      let nextLo = 1;
      const writers = [client, ...extraClients].map(async (c) => {
        await c.query(`SET synchronous_commit = off`);
        while (nextLo <= s.reports) {
          const lo = nextLo;
          const hi = Math.min(s.reports, lo + BATCH - 1);
          nextLo = hi + 1;
          await reportBatch(c, lo, hi);
        }
      });
      await Promise.all(writers);
    });

  // Official statistics: one figure per (reporting country, month), 4 indicators x 14
  // nationalities x 3 border types = 168 observations each.
  const statsReports = s.statsCountries * s.statsMonths;
  if (parts.includes('statistics'))
    await timed(
      `${statsReports} statistics reports, ${statsReports * 168} observations`,
      async () => {
        for (let m0 = 0; m0 < s.statsMonths; m0 += 12) {
          const m1 = Math.min(s.statsMonths, m0 + 12) - 1;
          await client.query('BEGIN');
          await client.query(
            `CREATE TEMP TABLE scale_obs ON COMMIT DROP AS
         SELECT k, c, m, ind, nat, bt, floor(random() * random() * 500)::int AS count
           FROM (SELECT k, c, m FROM generate_series(0, ${s.statsCountries - 1}) c,
                   generate_series(${m0}, ${m1}) m, LATERAL (SELECT c * 1000 + m AS k) kk) f,
                LATERAL (SELECT ($3::text[])[1 + (c + i * 2) % ${INDICATORS.length}] AS ind
                           FROM generate_series(0, 3) i) inds,
                LATERAL (SELECT ($1::text[])[1 + (c + m + j * 3) % ${COUNTRIES.length}] AS nat
                           FROM generate_series(0, 13) j) nats,
                unnest($2::text[]) bt`,
            [COUNTRIES, BORDER_TYPES, INDICATORS],
          );
          await client.query(
            `INSERT INTO reports (id, type, team_id, author_id, title, summary, tlp,
           distribution_team_ids, recipient_user_ids, body, countries, status, version,
           created_at, updated_at, submitted_at, published_at)
         SELECT ${idSql('stats', 'k')}, 'migration_statistics', team, author,
                'Monthly figures ' || rc || ' ' || period, 'Official figures for the month.', tlp,
                CASE WHEN tlp = 'AMBER' THEN ARRAY[team]::uuid[] ELSE '{}' END, '{}',
                jsonb_build_object('reportingCountry', rc, 'period', period, 'observations', obs),
                countries, 'published', 1, at - interval '2 days', at, at - interval '1 day', at
           FROM (
             SELECT k, ($1::text[])[1 + c] AS rc,
                    to_char(date '2026-10-01' - make_interval(months => ${s.statsMonths - 1} - m), 'YYYY-MM') AS period,
                    ${idSql('team', `1 + c % ${s.teams}`)} AS team,
                    ${idSql('user', `c % ${s.teams} + ${s.teams}`)} AS author,
                    CASE WHEN k % 10 = 7 THEN 'AMBER' WHEN k % 2 = 0 THEN 'CLEAR' ELSE 'GREEN' END AS tlp,
                    date '2026-10-01' - make_interval(months => ${s.statsMonths - 1} - m) + interval '1 month 1 day' AS at,
                    jsonb_agg(jsonb_build_object('indicator', ind, 'nationality', nat,
                      'borderType', bt, 'count', count) ORDER BY ind, nat, bt) AS obs,
                    ARRAY(SELECT DISTINCT x FROM unnest(array_agg(nat) || ($1::text[])[1 + c]) x ORDER BY x)::varchar[] AS countries
               FROM scale_obs GROUP BY k, c, m
           ) f`,
            [COUNTRIES],
          );
          await client.query(
            `INSERT INTO statistics_figures (report_id, reporting_country, period)
         SELECT DISTINCT ON (k) ${idSql('stats', 'k')}, ($1::text[])[1 + c],
                date '2026-10-01' - make_interval(months => ${s.statsMonths - 1} - m)
           FROM scale_obs`,
            [COUNTRIES],
          );
          await client.query(
            `INSERT INTO statistics_observations (report_id, reporting_country, period, indicator,
           nationality, border_type, count)
         SELECT ${idSql('stats', 'k')}, ($1::text[])[1 + c],
                date '2026-10-01' - make_interval(months => ${s.statsMonths - 1} - m), ind, nat, bt, count
           FROM scale_obs`,
            [COUNTRIES],
          );
          await client.query(
            `INSERT INTO report_versions (report_id, version, title, summary, tlp, distribution, urgent,
           source_reliability, information_credibility, body, countries, created_at, created_by)
         SELECT r.id, 1, r.title, r.summary, r.tlp,
                CASE WHEN r.tlp = 'AMBER' THEN jsonb_build_object('teamIds', to_jsonb(r.distribution_team_ids)) ELSE '{}'::jsonb END,
                r.urgent, r.source_reliability, r.information_credibility, r.body, r.countries,
                r.published_at, r.author_id
           FROM reports r
          WHERE r.id IN (SELECT DISTINCT ${idSql('stats', 'k')} FROM scale_obs)`,
          );
          await client.query('COMMIT');
        }
      },
    );

  // Audit events: what two years of such a network records, oldest first, then sealed.
  // The commit deadline (rilon.max_transaction_seconds, migration 1764300010000) measures from
  // occurred_at; history written today declares a deadline that spans it. No sealer runs
  // meanwhile, so no seq can be sealed as a gap before these rows commit.
  await client.query(`SET rilon.max_transaction_seconds = '${10 * 365 * 86400}'`);
  const auditStart = await client.query(
    `SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`,
  );
  if (parts.includes('audit'))
    await timed(`${s.audit} audit events`, async () => {
      for (let lo = 1; lo <= s.audit; lo += 200_000) {
        const hi = Math.min(s.audit, lo + 199_999);
        await client.query(
          `INSERT INTO audit_events (id, occurred_at, actor_id, action, target_type, target_id,
           outcome, ip, request_id, details)
         SELECT ${idSql('audit', 'g')},
                '2024-12-01T00:00:00Z'::timestamptz + interval '730 days' * (g::float8 / ${s.audit}),
                ${idSql('user', `1 + (g * 7919) % ${Math.min(2000, s.users)}`)},
                a.action, a.target_type,
                CASE a.target_type WHEN 'report' THEN ${idSql('report', `1 + (g * 104729) % ${s.reports}`)}::text
                                   WHEN 'user' THEN ${idSql('user', `1 + g % ${s.users}`)}::text END,
                CASE WHEN g % 50 = 0 THEN 'denied' ELSE 'success' END,
                '10.' || (g % 250) || '.' || (g % 199) || '.' || (g % 97),
                'req-' || g,
                CASE a.target_type WHEN 'report' THEN jsonb_build_object('tlp', 'AMBER', 'version', 1) ELSE '{}'::jsonb END
           FROM generate_series(${lo}::bigint, ${hi}::bigint) g,
                LATERAL (SELECT (ARRAY['report.read','auth.login','auth.refresh','report.create','report.publish',
                                       'report.export','taxii.export','user.read','report.update','access.denied'])[1 + (g * 31) % 10] AS action) x,
                LATERAL (SELECT x.action,
                                CASE WHEN x.action LIKE 'report.%' THEN 'report'
                                     WHEN x.action IN ('user.read') THEN 'user' END AS target_type) a`,
        );
      }
    });
  if (parts.includes('audit'))
    await timed('sealing the audit chain', () =>
      sealChain(client, hashing, auditStart.rows[0].seq),
    );

  await timed('VACUUM ANALYZE', async () => {
    await client.query('RESET synchronous_commit');
    await client.query('RESET rilon.max_transaction_seconds');
    for (const table of [
      'reports',
      'report_versions',
      'statistics_observations',
      'statistics_figures',
      'audit_events',
      'audit_chain',
      'taxii_objects',
      'users',
      'team_memberships',
    ])
      await client.query(`VACUUM (ANALYZE) ${table}`);
    // Whatever rollup tables the migrations made are analysed too.
    await client.query('ANALYZE');
  });

  return describeScale(s);
}

/** Seals every audit event after `afterSeq` as the worker's sealer would, in batches. */
async function sealChain(client, hashing, afterSeq) {
  const { canonicalEvent, canonicalGap, chainHash, GENESIS_HASH, auditRowColumnsSql } = hashing;
  const head = await client.query(
    `SELECT seq::text AS seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1`,
  );
  let prev = head.rows[0]?.hash ?? GENESIS_HASH;
  let next = BigInt(head.rows[0]?.seq ?? '0') + 1n;
  if (BigInt(afterSeq) + 1n < next) throw new Error('the chain is ahead of the generated events');
  for (;;) {
    const { rows } = await client.query(
      `SELECT ${auditRowColumnsSql('e')} FROM audit_events e WHERE e.seq >= $1 ORDER BY e.seq LIMIT 20000`,
      [next.toString()],
    );
    if (rows.length === 0) break;
    const seqs = [];
    const kinds = [];
    const prevs = [];
    const hashes = [];
    const push = (seq, kind, canonical) => {
      const hash = chainHash(prev, canonical);
      seqs.push(seq);
      kinds.push(kind);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    };
    for (const row of rows) {
      for (; next < BigInt(row.seq); next++)
        push(next.toString(), 'gap', canonicalGap(next.toString()));
      push(row.seq, 'event', canonicalEvent(row));
      next++;
    }
    await client.query(
      `INSERT INTO audit_chain (seq, kind, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::char(64)[], $4::char(64)[])`,
      [seqs, kinds, prevs, hashes],
    );
  }
}

module.exports = { loadScaleData, describeScale, sizes, idOf, COUNTRIES, WORDS };

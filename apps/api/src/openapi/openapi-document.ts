import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { declareEnforcedLimits } from './enforced-limits';
import { declareProblemResponses } from './problem-responses';
import { routeHandlers } from './route-handlers';

/** Where the API serves its routes. */
export const GLOBAL_PREFIX = 'api/v1';
/** Health probes stay at the root for load balancers; TAXII 2.1 has its own root (docs/stix.md). */
export const GLOBAL_PREFIX_EXCLUDE = ['health/live', 'health/ready', 'taxii2', 'taxii2/{*path}'];

// What the API checks of a bearer token (jwt.strategy.ts, session-loader.ts), in the words
// RFC 8725 (JWT best current practices) asks an API to state.
const BEARER_DESCRIPTION =
  'The access token of `POST /auth/login` or `POST /auth/refresh`: a JWS in compact form, ' +
  'implemented following RFC8725. One algorithm per deployment, pinned (HS256, RS256 or ES256; ' +
  'never `none`, and a token of another algorithm or naming another `kid` is refused before ' +
  'its signature is used); issuer and audience checked (JWT_ISSUER, JWT_AUDIENCE); expiry ' +
  'checked, 15 minutes by default (ACCESS_TTL_SECONDS); `typ` must be `access`; and the session ' +
  'named in `sid` must be unrevoked and its user active.';

/** Tags every operation uses, in first-use order, so that each one is declared once. */
function declareTags(document: OpenAPIObject): void {
  const declared = new Set((document.tags ?? []).map((t) => t.name));
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item) as { tags?: unknown }[])
      if (Array.isArray(operation?.tags))
        for (const tag of operation.tags as string[])
          if (!declared.has(tag)) {
            declared.add(tag);
            document.tags = [...(document.tags ?? []), { name: tag }];
          }
}

/**
 * The OpenAPI document of the API as it runs: Swagger's reading of the decorators, then
 * what the server enforces written in from the same sources (validators, pipes, router and
 * body limits, the problem filter, the rate-limit guard). `app` only needs its modules
 * scanned, so a preview app without a database builds the same document (npm run lint:api).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  // A copy: Swagger may hand out objects it keeps in the decorators' metadata, and the
  // steps below write into the document (a second build must start from the same state).
  const document = structuredClone(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('RILON portal API')
        .setDescription(
          'Regional Immigration Liaison Officer Network: structured reports shared under TLP 2.0 need-to-know rules, ' +
            'alerts, network membership and the audit log. Errors are RFC 9457 problem details.',
        )
        .setVersion('1')
        .addServer(
          '/',
          'This deployment (production, staging or local): the server that serves this document',
          {},
        )
        .addBearerAuth({
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: BEARER_DESCRIPTION,
        })
        .build(),
    ),
  );
  // Member agencies integrate with the API: it is documented for outside use.
  for (const server of document.servers ?? []) Object.assign(server, { 'x-internal': false });
  const routes = routeHandlers(app);
  declareEnforcedLimits(document, routes);
  declareProblemResponses(document, routes);
  declareTags(document);
  return document;
}

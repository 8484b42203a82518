import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, checkRedisCredentials, requestIdFrom } from '@rilon/core';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { contentSecurityPolicy } from './http/content-security-policy';
import {
  clientErrorHandler,
  frameworkErrors,
  limitUrlLength,
  MAX_HEADER_BYTES,
  sendProblem,
} from './http/edge-errors';
import { BODY_LIMIT, MAX_PARAM_LENGTH } from './http/request-limits';
import { installShutdownGate } from './http/shutdown-gate';
import { requireWellFormedInput } from './http/well-formed-input';
import {
  buildOpenApiDocument,
  GLOBAL_PREFIX,
  GLOBAL_PREFIX_EXCLUDE,
} from './openapi/openapi-document';
import { MetricsService } from './ops/metrics.service';
import { taxiiUrl } from './taxii/taxii-paths';

export { BODY_LIMIT };

/** Builds the API exactly as the binary runs it; tests call this with their own config. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Refused credentials in REDIS_URL stop the start (a ConfigError); a Redis that is down does not.
  await checkRedisCredentials(config.redisUrl);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // X-Forwarded-For only from the listed proxies: request.ip is then the client behind
    // them, for sign-in throttling and the audit's address alike.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers['x-request-id'], randomUUID),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // TAXII's URLs end in a slash, the router's do not (apps/api/src/taxii/taxii-paths.ts).
    rewriteUrl: (req: { url?: string }) => taxiiUrl(req.url),
    // What Node and the router refuse before Fastify's hooks run is problem+json too.
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler,
    frameworkErrors,
    // Its plain-JSON 503 while closing gives way to the shutdown gate's problem document.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // JSON only: Fastify's own JSON parser (bodyLimit applies); no urlencoded form bodies.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: GLOBAL_PREFIX_EXCLUDE });

  const fastify = app.getHttpAdapter().getInstance();
  // From the first moment of a stop (SIGTERM), new requests are a 503 problem.
  installShutdownGate(adapter);
  fastify.removeContentTypeParser('text/plain');
  // Errors Fastify raises before Nest sees the request (bad JSON, 413, 415) leave as
  // problem+json too. A Fastify route keeps the error handler of the moment it is
  // registered; Nest sets its own only after registering the routes (so it never
  // applies to them), hence ours goes in first and Nest's later call is dropped.
  adapter.setErrorHandler = () => fastify;
  fastify.setErrorHandler((error, request, reply) => {
    if (!reply.sent) sendProblem(error, request, reply);
  });
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onRequest', limitUrlLength);
  // Lone surrogates and escapes that are not UTF-8: one 400 for every route, before Nest.
  fastify.addHook('preValidation', requireWellFormedInput);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  // Helmet sends the other security headers; the CSP depends on the path: strict for the
  // portal and the API, looser only for Swagger UI and the queue dashboard (inline code).
  await app.register(helmet, { contentSecurityPolicy: false });
  fastify.addHook('onRequest', contentSecurityPolicy);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
  });

  try {
    await app.init();
  } catch (error) {
    // A start refused late (the metrics port taken) lets go of its pools and listeners.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

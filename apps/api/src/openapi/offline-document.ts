import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@rilon/core';
import { AppModule } from '../app.module';
import { buildOpenApiDocument, GLOBAL_PREFIX, GLOBAL_PREFIX_EXCLUDE } from './openapi-document';

/**
 * The document the API serves at /api/openapi.json, built without PostgreSQL or Redis: Nest's
 * preview mode scans the modules and their decorators but instantiates no provider, so
 * nothing connects. The document depends on no setting, hence a default configuration.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: GLOBAL_PREFIX_EXCLUDE });
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

import { Controller, Get, Headers, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUuid, ProblemException } from '@rilon/core';
import { ApiKeyAccess, CurrentApiKey, type ApiKey } from '@rilon/identity';
import type { FastifyReply } from 'fastify';
import { TaxiiErrorFilter } from './taxii-error.filter';
import { acceptsTaxii, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './taxii-media-type';
import { parseTaxiiQuery } from './taxii-query';
import { TAXII_API_ROOT, TaxiiService, type TaxiiServedPage } from './taxii.service';

type RawQuery = Record<string, string | string[] | undefined>;

const ROOT = `taxii2/${TAXII_API_ROOT}`;
const COLLECTION = `${ROOT}/collections/:collectionId`;

/** A TAXII path; its trailing slash is dropped before routing (taxii-paths.ts). */
const both = (path: string): string => path;

/** A STIX id of the form `<type>--<uuid>`; anything else names no object (404). */
function stixId(value: string): { type: string; uuid: string } {
  const m = /^([a-z][a-z0-9-]{0,62})--([0-9a-fA-F-]{36})$/.exec(value);
  if (!m || !isUuid(m[2])) throw ProblemException.notFound('Object');
  return { type: m[1], uuid: m[2].toLowerCase() };
}

/**
 * TAXII 2.1, read-only, outside /api/v1 (docs/stix.md, "TAXII"): discovery, the API root,
 * collections, objects, one object, its versions and the manifest. A team's key only
 * (HTTP Basic or Bearer `<id>.<secret>`); answers and errors in TAXII's media type; its
 * own specification documents it, so it stays out of the OpenAPI document.
 */
@ApiExcludeController()
@ApiKeyAccess()
@UseFilters(TaxiiErrorFilter)
@Controller()
export class TaxiiController {
  constructor(private readonly taxii: TaxiiService) {}

  @Get(both('taxii2'))
  discovery(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    return this.taxii.discovery();
  }

  @Get(both(ROOT))
  apiRoot(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    return this.taxii.apiRoot();
  }

  @Get(both(`${ROOT}/collections`))
  async collections(
    @CurrentApiKey() key: ApiKey,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    const collections = await this.taxii.collections(key);
    return { collections: collections.map((c) => this.taxii.resource(c)) };
  }

  @Get(both(COLLECTION))
  async collection(
    @CurrentApiKey() key: ApiKey,
    @Param('collectionId') collectionId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    return this.taxii.resource(await this.taxii.collection(key, collectionId));
  }

  @Get(both(`${COLLECTION}/objects`))
  async objects(
    @CurrentApiKey() key: ApiKey,
    @Param('collectionId') collectionId: string,
    @Query() raw: RawQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    const collection = await this.taxii.collection(key, collectionId);
    const page = await this.taxii.page(key, collection, parseTaxiiQuery(raw), 'objects');
    return envelope(page, reply);
  }

  @Get(both(`${COLLECTION}/objects/:objectId`))
  async object(
    @CurrentApiKey() key: ApiKey,
    @Param('collectionId') collectionId: string,
    @Param('objectId') objectId: string,
    @Query() raw: RawQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    const collection = await this.taxii.collection(key, collectionId);
    const query = parseTaxiiQuery(raw);
    const page = await this.taxii.page(key, collection, query, 'object', stixId(objectId));
    return envelope(page, reply);
  }

  @Get(both(`${COLLECTION}/objects/:objectId/versions`))
  async versions(
    @CurrentApiKey() key: ApiKey,
    @Param('collectionId') collectionId: string,
    @Param('objectId') objectId: string,
    @Query() raw: RawQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    const collection = await this.taxii.collection(key, collectionId);
    const query = parseTaxiiQuery(raw);
    const page = await this.taxii.page(key, collection, query, 'versions', stixId(objectId));
    dateHeaders(page, reply);
    return {
      more: page.more,
      ...(page.next ? { next: page.next } : {}),
      ...(page.items.length > 0 ? { versions: page.items.map((i) => i.version) } : {}),
    };
  }

  @Get(both(`${COLLECTION}/manifest`))
  async manifest(
    @CurrentApiKey() key: ApiKey,
    @Param('collectionId') collectionId: string,
    @Query() raw: RawQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    taxiiAnswer(accept, reply);
    const collection = await this.taxii.collection(key, collectionId);
    const page = await this.taxii.page(key, collection, parseTaxiiQuery(raw), 'manifest');
    dateHeaders(page, reply);
    return {
      more: page.more,
      ...(page.next ? { next: page.next } : {}),
      ...(page.items.length > 0
        ? {
            objects: page.items.map((i) => ({
              id: i.object.id,
              date_added: i.dateAdded,
              version: i.version,
              media_type: STIX_MEDIA_TYPE,
            })),
          }
        : {}),
    };
  }
}

/** 406 unless the caller takes TAXII 2.1; then the answer's media type is TAXII's. */
function taxiiAnswer(accept: string | undefined, reply: FastifyReply): void {
  if (!acceptsTaxii(accept))
    throw new ProblemException({
      status: 406,
      type: 'not-acceptable',
      title: 'Not acceptable',
      detail: `This TAXII server answers ${TAXII_MEDIA_TYPE} only`,
    });
  reply.header('content-type', TAXII_MEDIA_TYPE);
}

function dateHeaders(page: TaxiiServedPage, reply: FastifyReply): void {
  const first = page.items[0];
  const last = page.items.at(-1);
  if (first && last) {
    reply.header('x-taxii-date-added-first', first.dateAdded);
    reply.header('x-taxii-date-added-last', last.dateAdded);
  }
}

/** The TAXII envelope (section 3.7): `more`, `next` and the objects, oldest added first. */
function envelope(page: TaxiiServedPage, reply: FastifyReply): Record<string, unknown> {
  dateHeaders(page, reply);
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    ...(page.items.length > 0 ? { objects: page.items.map((i) => i.object) } : {}),
  };
}

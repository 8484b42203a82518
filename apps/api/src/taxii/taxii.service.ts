import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@rilon/audit';
import { APP_CONFIG, AppConfig, ProblemException } from '@rilon/core';
import type { ApiKey } from '@rilon/identity';
import { TeamsService } from '@rilon/network';
import {
  encodePosition,
  RILON_EXTENSION_SCHEMA_PATH,
  TaxiiFeedService,
  uuidV5,
  RILON_STIX_NAMESPACE,
  type TaxiiItem,
  type TaxiiScope,
} from '@rilon/reports';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './taxii-media-type';
import type { TaxiiQuery } from './taxii-query';

/** The one API root (docs/stix.md, "TAXII"). */
export const TAXII_API_ROOT = 'rilon';

/** A collection a key may read: its TAXII resource and what it holds. */
export interface TaxiiCollection {
  id: string;
  alias: string;
  title: string;
  description: string;
  scope: TaxiiScope;
}

/** A page as the routes give it: the items and the `next` of the last one when there are more. */
export interface TaxiiServedPage {
  items: TaxiiItem[];
  more: boolean;
  next?: string;
}

type Endpoint = 'objects' | 'object' | 'versions' | 'manifest';

/**
 * The read-only TAXII 2.1 server (docs/stix.md, "TAXII"). A key reads two collections: the
 * network's (published CLEAR and GREEN) and its own team's (published AMBER that lists the
 * team); AMBER+STRICT and RED are in none. Every page of objects, versions or manifest is
 * audited as an export, with the reports on it.
 */
@Injectable()
export class TaxiiService {
  constructor(
    private readonly feed: TaxiiFeedService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  apiRootUrl(): string {
    return `${this.config.publicUrl}/taxii2/${TAXII_API_ROOT}/`;
  }

  discovery(): Record<string, unknown> {
    return {
      title: 'RILON TAXII 2.1',
      description:
        'Read-only TAXII 2.1 server of the Regional Immigration Liaison Officer Network: the published reports a team may read, as STIX 2.1.',
      default: this.apiRootUrl(),
      api_roots: [this.apiRootUrl()],
    };
  }

  apiRoot(): Record<string, unknown> {
    return {
      title: 'RILON',
      description: 'Published RILON reports: the network collection and one per team.',
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: 0,
    };
  }

  async collections(key: ApiKey): Promise<TaxiiCollection[]> {
    const team = await this.teams.get(key.teamId);
    return [
      {
        id: uuidV5('collection:network', RILON_STIX_NAMESPACE),
        alias: 'network',
        title: 'RILON network (TLP:CLEAR and TLP:GREEN)',
        description: 'The published TLP:CLEAR and TLP:GREEN reports of the whole network.',
        scope: { kind: 'network' },
      },
      {
        id: uuidV5(`collection:team:${team.id}`, RILON_STIX_NAMESPACE),
        alias: `team-${team.id}`,
        title: `${team.name} (TLP:AMBER)`,
        description: `The published TLP:AMBER reports distributed to ${team.name}.`,
        scope: { kind: 'team', teamId: team.id },
      },
    ];
  }

  /** A collection by id or alias; another team's, or none, is a 404. */
  async collection(key: ApiKey, idOrAlias: string): Promise<TaxiiCollection> {
    const found = (await this.collections(key)).find(
      (c) => c.id === idOrAlias.toLowerCase() || c.alias === idOrAlias,
    );
    if (!found) throw ProblemException.notFound('Collection');
    return found;
  }

  resource(c: TaxiiCollection): Record<string, unknown> {
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      alias: c.alias,
      can_read: true,
      can_write: false,
      media_types: [STIX_MEDIA_TYPE],
    };
  }

  /**
   * One page of a collection under the filters; `objectId` narrows it to one object (the
   * object and versions endpoints, 404 when the collection has no such object).
   */
  async page(
    key: ApiKey,
    collection: TaxiiCollection,
    query: TaxiiQuery,
    endpoint: Endpoint,
    objectId?: { type: string; uuid: string },
  ): Promise<TaxiiServedPage> {
    const filter = {
      readerTeamId: key.teamId,
      scope: collection.scope,
      types: query.types,
      ids: objectId ? [objectId] : query.ids,
      versions: endpoint === 'versions' ? { ...query.versions, all: true } : query.versions,
      addedAfter: query.addedAfter,
      after: query.after,
      limit: query.limit,
    };
    const page = query.noSpecVersion
      ? { items: [], more: false }
      : await this.feed.page(filter, this.schemaUrl());
    if (objectId && page.items.length === 0) {
      const any = await this.feed.page(
        {
          ...filter,
          types: [],
          addedAfter: undefined,
          after: undefined,
          limit: 1,
          versions: { first: false, last: false, all: true, at: [] },
        },
        this.schemaUrl(),
      );
      if (any.items.length === 0) throw ProblemException.notFound('Object');
    }
    await this.audit.recordAlone({
      actorId: null,
      action: 'taxii.export',
      targetType: 'taxii_key',
      targetId: key.keyId,
      details: {
        teamId: key.teamId,
        collection: collection.alias,
        endpoint,
        objects: page.items.length,
        reports: [...new Set(page.items.flatMap((i) => (i.reportId ? [i.reportId] : [])))],
      },
    });
    const last = page.items.at(-1);
    return {
      ...page,
      ...(page.more && last ? { next: encodePosition(last.position) } : {}),
    };
  }

  private schemaUrl(): string {
    return `${this.config.publicUrl}${RILON_EXTENSION_SCHEMA_PATH}`;
  }
}

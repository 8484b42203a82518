import { Injectable } from '@nestjs/common';
import { ProblemException } from '@rilon/core';
import { PersonView, PeopleRepository } from './people.repository';
import type { Page } from '@rilon/core';

export interface PeopleQuery {
  /** Part of a display name. */
  q?: string;
  /** Exact ids, e.g. the named recipients of a RED report. */
  ids?: string[];
  /** Caps a `q` search (default 20); an `ids` lookup answers every id it finds. */
  limit?: number;
}

const ONE_OF = 'give exactly one of q and ids';

/**
 * The people directory any signed-in user may search, to name the recipients of a RED
 * report and to show them by name. It answers no e-mail address, role or status, and
 * never a suspended account.
 */
@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  async find(query: PeopleQuery): Promise<Page<PersonView>> {
    if ((query.q === undefined) === (query.ids === undefined))
      throw ProblemException.badRequest('Search by q or look up ids, not both and not neither', [
        { field: 'q', message: ONE_OF },
        { field: 'ids', message: ONE_OF },
      ]);
    const items =
      query.ids !== undefined
        ? await this.people.byIds(query.ids)
        : await this.people.search(query.q ?? '', query.limit ?? 20);
    return { items, nextCursor: null };
  }
}

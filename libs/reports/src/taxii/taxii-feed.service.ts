import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { reportToStix, teamIdentity, type StixObject } from '../stix/report-to-stix';
import {
  TaxiiObjectsRepository,
  type TaxiiFilter,
  type TaxiiRow,
} from './taxii-objects.repository';
import { comparePositions, toMicros, type TaxiiPosition } from './taxii-position';
import { taxiiPrelude, type PreludeEntry } from './taxii-prelude';

/** One object version on a page, with its place in the collection. */
export interface TaxiiItem {
  position: TaxiiPosition;
  /** When it was added to the collection (RFC 3339, microseconds). */
  dateAdded: string;
  /** Its `modified` (STIX's version). */
  version: string;
  object: StixObject;
  /** The RILON report it is part of, for the audit; null for the fixed objects and teams. */
  reportId: string | null;
}

export interface TaxiiPage {
  items: TaxiiItem[];
  more: boolean;
}

/**
 * Pages of a TAXII collection (docs/stix.md, "TAXII"): the fixed objects first, then the
 * feed of team identities and report versions in the order they were added. Each report
 * version is the STIX mapping of the report as it was at that version.
 */
@Injectable()
export class TaxiiFeedService {
  constructor(
    private readonly objects: TaxiiObjectsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async page(f: TaxiiFilter, schemaUrl: string): Promise<TaxiiPage> {
    const prelude = taxiiPrelude(f.scope, schemaUrl).filter((e) => preludeMatches(e, f));
    const fromPrelude = prelude.slice(0, f.limit + 1).map(preludeItem);
    let items = fromPrelude;
    if (items.length <= f.limit) {
      const rows = await this.objects.page(this.dataSource.manager, {
        ...f,
        limit: f.limit - items.length,
      });
      items = [...items, ...rows.map(feedItem)];
    }
    return { items: items.slice(0, f.limit), more: items.length > f.limit };
  }
}

function preludeMatches(e: PreludeEntry, f: TaxiiFilter): boolean {
  const { object } = e;
  if (f.after && comparePositions(e.position, f.after) <= 0) return false;
  if (f.addedAfter && toMicros(e.position.dateAdded) <= toMicros(f.addedAfter)) return false;
  if (f.types.length > 0 && !f.types.includes(object.type)) return false;
  if (f.ids.length > 0 && !f.ids.some((i) => `${i.type}--${i.uuid}` === object.id)) return false;
  // One version each: it is the first, the last and all of them.
  const v = f.versions;
  const modified = String(object.modified);
  return v.all || v.first || v.last || v.at.some((t) => toMicros(t) === toMicros(modified));
}

function preludeItem(e: PreludeEntry): TaxiiItem {
  return {
    position: e.position,
    dateAdded: e.position.dateAdded,
    version: String(e.object.modified),
    object: e.object,
    reportId: null,
  };
}

function feedItem(row: TaxiiRow): TaxiiItem {
  let object: StixObject;
  if (row.stixType === 'identity' || !row.report) object = teamIdentity(row.team);
  else {
    const mapped = reportToStix(row.report, row.team).find((o) => o.type === row.stixType);
    if (!mapped) throw new Error(`the mapping of report ${row.report.id} has no ${row.stixType}`);
    object = mapped;
  }
  return {
    position: row.position,
    dateAdded: row.position.dateAdded,
    version: String(object.modified),
    object,
    reportId: row.report?.id ?? null,
  };
}

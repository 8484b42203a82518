import type { ReportStatus, ReportType, Tlp } from './report-codes';

/** The filters of GET /reports, already validated. */
export interface ReportFilters {
  type?: ReportType;
  status: ReportStatus;
  teamId?: string;
  country?: string;
  tlp?: Tlp;
  urgent?: boolean;
  q?: string;
  /** Inclusive lower bound on published_at (an instant). */
  from?: Date;
  /** Exclusive upper bound on published_at (an instant). */
  toExclusive?: Date;
  limit: number;
  /** Keyset: the sort key (as exact text) and id of the last row of the previous page. */
  after?: { key: string; id: string };
}

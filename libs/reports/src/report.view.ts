import type { ReportStatus, ReportType, Tlp } from './report-codes';

/** A reports row as the repository reads it (camelCase, timestamps as Date). */
export interface ReportRow {
  id: string;
  type: ReportType;
  teamId: string;
  authorId: string;
  title: string;
  summary: string;
  tlp: Tlp;
  distributionTeamIds: string[];
  recipientUserIds: string[];
  urgent: boolean;
  sourceReliability: string;
  informationCredibility: string;
  body?: Record<string, unknown>;
  countries: string[];
  status: ReportStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  returnComment: string | null;
}

/** Who a report goes to: teams for AMBER and AMBER+STRICT, users for RED, none otherwise. */
export type DistributionView = { teamIds: string[] } | { userIds: string[] } | null;

export function distributionOf(r: {
  tlp: Tlp;
  distributionTeamIds: string[];
  recipientUserIds: string[];
}): DistributionView {
  if (r.tlp === 'AMBER' || r.tlp === 'AMBER+STRICT') return { teamIds: r.distributionTeamIds };
  if (r.tlp === 'RED') return { userIds: r.recipientUserIds };
  return null;
}

/** One published version, as GET /reports/:id/versions lists it. */
export interface ReportVersionView {
  version: number;
  title: string;
  summary: string;
  tlp: Tlp;
  distribution: DistributionView;
  urgent: boolean;
  sourceReliability: string;
  informationCredibility: string;
  countries: string[];
  body: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
}

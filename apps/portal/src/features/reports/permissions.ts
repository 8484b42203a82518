import type { Abilities } from '../../lib/session/hooks';
import type { ReportStatus } from './codes';

interface Target {
  status: ReportStatus;
  authorId: string;
  teamId: string;
}

/** What the report view offers; the server's lifecycle table (docs/domain.md, "Lifecycle") still decides. */
export interface AllowedActions {
  submit: boolean;
  return: boolean;
  publish: boolean;
  withdraw: boolean;
  edit: boolean;
  amend: boolean;
}

/**
 * The author counts only while still an officer or lead of the authoring team (observers
 * cannot author); a lead is a lead of the authoring team, not of any team.
 */
export function allowedActions(
  report: Target,
  meId: string | undefined,
  abilities: Pick<Abilities, 'leadTeamIds' | 'authorTeamIds'>,
): AllowedActions {
  const author = meId === report.authorId && abilities.authorTeamIds.includes(report.teamId);
  const lead = abilities.leadTeamIds.includes(report.teamId);
  const is = (...states: ReportStatus[]) => states.includes(report.status);
  return {
    submit: author && is('draft'),
    return: lead && is('submitted'),
    publish: lead && is('draft', 'submitted'),
    withdraw: (author || lead) && is('published'),
    edit: (author || lead) && is('draft'),
    amend: lead && is('published'),
  };
}

export function anyAllowed(actions: AllowedActions): boolean {
  return Object.values(actions).some(Boolean);
}

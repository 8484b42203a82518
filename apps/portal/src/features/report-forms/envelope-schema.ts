import { z } from 'zod';
import { INFORMATION_CREDIBILITIES, SOURCE_RELIABILITIES, TLPS, type Tlp } from './codes';
import { choice, optionalText, requiredText, type Translate } from './schema-parts';

/** What the form holds for the envelope (CreateReportDto without type, teamId and body). */
export interface EnvelopeValues {
  title: string;
  summary: string;
  urgent: boolean;
  sourceReliability: (typeof SOURCE_RELIABILITIES)[number];
  informationCredibility: (typeof INFORMATION_CREDIBILITIES)[number];
  tlp: Tlp | '';
  /** Both lists are kept while the TLP changes; only the one the TLP uses is sent. */
  distribution: { teamIds: string[]; userIds: string[] };
}

export const emptyEnvelope = (): EnvelopeValues => ({
  title: '',
  summary: '',
  urgent: false,
  sourceReliability: 'X',
  informationCredibility: '4',
  tlp: '',
  distribution: { teamIds: [], userIds: [] },
});

export type Distribution = { teamIds: string[] } | { userIds: string[] } | null;

/** The list the TLP takes (Handling): teams for AMBER, named users for RED, none otherwise. */
export function distributionFor(
  tlp: Tlp,
  lists: EnvelopeValues['distribution'],
  ownTeamId: string,
): Distribution {
  if (tlp === 'AMBER' || tlp === 'AMBER+STRICT')
    return { teamIds: lists.teamIds.filter((id) => id !== ownTeamId) };
  if (tlp === 'RED') return { userIds: lists.userIds };
  return null;
}

/** The envelope's rules as CreateReportDto and the Handling table state them. */
export const envelopeShape = (t: Translate) => ({
  title: requiredText(t, 200),
  summary: optionalText(t, 4000),
  urgent: z.boolean(),
  sourceReliability: z.enum(SOURCE_RELIABILITIES),
  informationCredibility: z.enum(INFORMATION_CREDIBILITIES),
  tlp: choice(t, TLPS),
  distribution: z.object({
    teamIds: z.array(z.string()).max(100, t('validation.tooMany', { max: 100 })),
    userIds: z.array(z.string()).max(200, t('validation.tooMany', { max: 200 })),
  }),
});

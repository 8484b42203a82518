import { useTranslation } from '../../lib/i18n/i18n';
import type { Report } from './codes';
import { usePeople } from './people';
import { useTeams } from './queries';

/**
 * Who may read the report, in words, for the TLP banner: the team names for AMBER and
 * AMBER+STRICT, the people for RED (or how many, while there is no people directory).
 */
export function useRecipients(
  tlp: Report['tlp'],
  distribution: Report['distribution'] | undefined,
): string[] {
  const { t } = useTranslation('reports');
  const { names, isPending: teamsPending } = useTeams();
  const userIds = tlp === 'RED' ? (distribution?.userIds ?? []) : [];
  const people = usePeople(userIds);
  // Until the names arrive, say so rather than call the teams unknown.
  if ((tlp === 'AMBER' || tlp === 'AMBER+STRICT') && teamsPending) return [t('common:loading')];
  if (tlp === 'AMBER' || tlp === 'AMBER+STRICT')
    return (distribution?.teamIds ?? []).map((id) => names.get(id) ?? t('view.unknownTeam'));
  if (tlp !== 'RED') return [];
  const also = t('view.redAlso');
  const found = people.data ?? null;
  if (!found) return [t('view.namedRecipients', { count: userIds.length }), also];
  const named = found.filter((person) => userIds.includes(person.id));
  const missing = userIds.length - named.length;
  return [
    ...named.map((person) => person.displayName),
    ...(missing > 0 ? [t('view.andOthers', { count: missing })] : []),
    also,
  ];
}

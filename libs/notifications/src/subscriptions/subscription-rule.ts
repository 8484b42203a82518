import { ICAO_NATIONALITY_CODES } from '@rilon/reports';
import { isValid as isValidAlpha3 } from 'i18n-iso-countries';
import type { EmailMode } from '../notification-events';

/** One stored subscription rule; absent filters match everything. */
export interface SubscriptionRule {
  types?: string[];
  countries?: string[];
  urgentOnly?: boolean;
  email: EmailMode;
}

/** What a user who never set rules has: everything, in the app only. */
export const DEFAULT_RULES: readonly SubscriptionRule[] = [{ email: 'off' }];

export const MAX_RULES = 20;
export const MAX_RULE_COUNTRIES = 50;

/** Drops empty filters and duplicates so that stored rules read the same as they match. */
export function normalizeRules(rules: SubscriptionRule[]): SubscriptionRule[] {
  return rules.map((rule) => {
    const out: SubscriptionRule = { email: rule.email };
    if (rule.types?.length) out.types = [...new Set(rule.types)];
    if (rule.countries?.length)
      out.countries = [...new Set(rule.countries.map((c) => c.toUpperCase()))];
    if (rule.urgentOnly) out.urgentOnly = true;
    return out;
  });
}

/**
 * SQL: the rank of the most immediate e-mail setting among the rules of `rules` (a jsonb
 * array, NULL for "never set") that match report `r`, NULL when none matches. Rank:
 * 0 off, 1 daily, 2 immediate. Used by the fan-out on every candidate recipient at once.
 */
export function matchingEmailRankSql(rules: string, r: string): string {
  return `(SELECT max(CASE rule->>'email' WHEN 'immediate' THEN 2 WHEN 'daily' THEN 1 ELSE 0 END)
      FROM jsonb_array_elements(coalesce(${rules}, '[{"email":"off"}]'::jsonb)) AS rule
      WHERE (NOT rule ? 'types' OR (rule->'types') ? ${r}.type)
        AND (NOT rule ? 'countries' OR (rule->'countries') ?| ${r}.countries::text[])
        AND (NOT coalesce((rule->>'urgentOnly')::boolean, false) OR ${r}.urgent))`;
}

export function emailModeOfRank(rank: number | null): EmailMode {
  return rank === 2 ? 'immediate' : rank === 1 ? 'daily' : 'off';
}

/** ICAO Doc 9303 nationality codes that are not ISO countries. */
const ICAO_CODES: ReadonlySet<string> = new Set(ICAO_NATIONALITY_CODES);

/** An ISO 3166-1 alpha-3 code (from the maintained list) or an ICAO 9303 code, upper case. */
export function isRuleCountry(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^[A-Z]{3}$/.test(value) &&
    (ICAO_CODES.has(value) || isValidAlpha3(value))
  );
}

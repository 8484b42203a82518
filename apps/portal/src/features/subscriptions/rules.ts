import type { Schemas } from '../../lib/api/client';

/**
 * Subscription rules between the API's shape and the editor's. The editor keeps a rule
 * as drafts (countries as the typed text); these functions are the one mapping, so what
 * is saved reads back the same.
 */
export type Rule = Schemas['SubscriptionRuleDto'];
export type EmailMode = Rule['email'];
export type RuleType = NonNullable<Rule['types']>[number];

export const RULE_TYPES: readonly RuleType[] = [
  'visa_fraud_trend',
  'modus_operandi',
  'migration_statistics',
  'training_offer',
];
export const EMAIL_MODES: readonly EmailMode[] = ['off', 'immediate', 'daily'];
/** The API's limits (MAX_RULES, MAX_RULE_COUNTRIES). */
export const MAX_RULES = 20;
export const MAX_COUNTRIES = 50;

export interface RuleDraft {
  /** Stable across removals, for React keys and focus. */
  key: number;
  types: RuleType[];
  countries: string;
  urgentOnly: boolean;
  email: EmailMode;
}

export function newDraft(key: number): RuleDraft {
  return { key, types: [], countries: '', urgentOnly: false, email: 'off' };
}

export function toDrafts(rules: Rule[], firstKey = 1): RuleDraft[] {
  return rules.map((rule, index) => ({
    key: firstKey + index,
    types: RULE_TYPES.filter((type) => rule.types?.includes(type)),
    countries: (rule.countries ?? []).join(' '),
    urgentOnly: rule.urgentOnly === true,
    email: rule.email,
  }));
}

/** Codes as typed: separated by spaces, commas or semicolons, any case, each once. */
export function parseCountries(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

/** The names of the editor's fields for rule `index`, as the API names them in errors. */
export function ruleFields(index: number) {
  const base = `rules.${index}`;
  return {
    types: `${base}.types`,
    countries: `${base}.countries`,
    urgentOnly: `${base}.urgentOnly`,
    email: `${base}.email`,
  };
}

export type DraftErrors = Record<string, { key: string; values?: Record<string, string | number> }>;

/**
 * The rules to send, or the errors (catalogue keys by field name) of what cannot be
 * right. Only the code's form is checked here; whether it names a country is the
 * server's answer (a 400 on the field). Empty filters are left out: they match all.
 */
export function draftsToRules(drafts: RuleDraft[]): { rules: Rule[] | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (drafts.length > MAX_RULES)
    errors.rules = { key: 'invalid.tooManyRules', values: { max: MAX_RULES } };
  const rules = drafts.map((draft, index) => {
    const rule: Rule = { email: draft.email };
    if (draft.types.length > 0) rule.types = RULE_TYPES.filter((t) => draft.types.includes(t));
    const countries = parseCountries(draft.countries);
    const bad = countries.filter((code) => !/^[A-Z]{3}$/.test(code));
    const field = ruleFields(index).countries;
    if (bad.length > 0)
      errors[field] = { key: 'invalid.countryCode', values: { codes: bad.join(', ') } };
    else if (countries.length > MAX_COUNTRIES)
      errors[field] = { key: 'invalid.tooManyCountries', values: { max: MAX_COUNTRIES } };
    if (countries.length > 0) rule.countries = countries;
    if (draft.urgentOnly) rule.urgentOnly = true;
    return rule;
  });
  return Object.keys(errors).length > 0 ? { rules: null, errors } : { rules, errors };
}

export interface Capital {
  id: string;
  timezone: string;
}

/**
 * Where the daily digest's 07:00 is: the capital of the user's first team (UTC in none).
 * GET /me does not say which team came first, so several zones are named as candidates.
 */
export function digestZones(
  memberships: ReadonlyArray<{ capitalId: string }>,
  capitals: readonly Capital[],
): string[] {
  if (memberships.length === 0) return ['UTC'];
  const zones = memberships
    .map((m) => capitals.find((c) => c.id === m.capitalId)?.timezone)
    .filter((zone): zone is string => Boolean(zone));
  return [...new Set(zones)].sort();
}

/**
 * The report fields a refusal may name (the personal-data check reads the free text of
 * the envelope and of the body), as keys of the reports catalogue. `body.indicators.2`
 * is the third indicator.
 */
const LABELS: Record<string, string> = {
  title: 'field.title',
  summary: 'field.summary',
  'body.description': 'field.description',
  'body.indicators': 'field.indicators',
  'body.countermeasures': 'field.countermeasures',
  'body.compromisedFeatures': 'field.compromisedFeatures',
  'body.eligibility': 'field.eligibility',
};

export interface FieldLabel {
  /** The catalogue key of the field's label, or null for a field the view has no name for. */
  key: string | null;
  /** The field the view shows the text in (the anchor of the error summary's link). */
  field: string | null;
  /** 1-based position within a list field. */
  item: number | null;
}

export function fieldLabelOf(path: string): FieldLabel {
  const match = /^(.*?)\.(\d+)$/.exec(path);
  const field = match?.[1] ?? path;
  const item = match?.[2] !== undefined ? Number(match[2]) + 1 : null;
  const key = LABELS[field];
  if (!key) return { key: null, field: null, item: null };
  return { key, field, item };
}

/** The fields the report view marks with an anchor, so the summary can link to them. */
export const ANCHORED_FIELDS = Object.keys(LABELS);

import type { FieldErrors } from 'react-hook-form';
import type { SummaryItem } from '../../components/ErrorSummary';
import { fieldId } from '../../lib/forms';
import type { Translate } from './schema-parts';

interface ErrorNode {
  message?: unknown;
  type?: unknown;
  [key: string]: unknown;
}

/**
 * A form name to the name the server uses: list rows hold `{value}` for useFieldArray, and
 * an array's own error sits under `root`; both belong to the field above them.
 */
export function serverName(path: string): string {
  return path.replace(/\.(value|root)$/, '');
}

/** The message on a field, whether the client's rules or the server put it there. */
export function messageAt(errors: FieldErrors, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const at = node as ErrorNode | undefined;
  for (const candidate of [at, at?.root, at?.value] as Array<ErrorNode | undefined>)
    if (typeof candidate?.message === 'string' && candidate.message) return candidate.message;
  return undefined;
}

/** Every error in the form, in the order of the fields, as [name, message]. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === 'ref' || value === null || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const node = value as ErrorNode;
    if (typeof node.message === 'string' && typeof node.type === 'string')
      out.push([serverName(path), node.message]);
    out.push(...flattenErrors(node as FieldErrors, path));
  }
  return out;
}

/**
 * The summary names the field before the message ("Title: enter a value"), as the field's
 * own error has its label above it. Labels live in the catalogue under `labels.<path>`
 * with row numbers as `n` (`body.detectionPoints.0.code` is `labels.body_detectionPoints_n_code`).
 */
export function fieldLabel(name: string, t: Translate): string | null {
  const numbers = name.split('.').filter((part) => /^\d+$/.test(part));
  const key = `labels.${name.replace(/\.\d+(?=\.|$)/g, '.n').replace(/\./g, '_')}`;
  const params: Record<string, number> = {};
  numbers.forEach((n, i) => (params[i === 0 ? 'n' : `n${i + 1}`] = Number(n) + 1));
  const label = t(key, params);
  return label === key ? null : label;
}

export function summaryItem(name: string | null, message: string, t: Translate): SummaryItem {
  const label = name ? fieldLabel(name, t) : null;
  return {
    fieldId: name ? fieldId(name) : null,
    message: label ? t('summaryEntry', { label, message }) : message,
  };
}

/**
 * The summary lists errors in the order of the page (GOV.UK), whatever order the rules or
 * the server found them in; an error with no field comes first, as it concerns the whole.
 */
export function inPageOrder(items: SummaryItem[]): SummaryItem[] {
  const rank = (item: SummaryItem) => (item.fieldId ? document.getElementById(item.fieldId) : null);
  return items
    .map((item, index) => ({ item, index, element: rank(item) }))
    .sort((a, b) => {
      if (!a.item.fieldId || !b.item.fieldId) return a.item.fieldId ? 1 : b.item.fieldId ? -1 : 0;
      if (!a.element || !b.element) return a.element ? -1 : b.element ? 1 : a.index - b.index;
      return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1;
    })
    .map(({ item }) => item);
}

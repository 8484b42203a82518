import type { ReportRow } from '../report.view';

/** "personsDetected" → "Persons detected": the field names of docs/domain.md in words. */
export function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const cell = (value: unknown): string =>
  scalar(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(scalar).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${words(k).toLowerCase()}: ${scalar(v)}`)
      .join('; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function table(rows: Record<string, unknown>[]): string[] {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [
    `| ${columns.map(words).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ];
}

/**
 * The report as readable Markdown, for the STIX `note`: the summary, the evaluation and
 * every body field by name; lists of objects (detection points, observations) as tables.
 */
export function reportMarkdown(report: ReportRow): string {
  const lines = [`# ${report.title}`, ''];
  if (report.summary) lines.push(report.summary, '');
  lines.push(
    `- **Type**: ${words(report.type)}`,
    `- **TLP**: ${report.tlp}`,
    `- **Evaluation**: source ${report.sourceReliability}, information ${report.informationCredibility}`,
    `- **Version**: ${report.version}`,
  );
  if (report.status === 'withdrawn')
    lines.push(`- **Withdrawn**: ${report.withdrawalReason ?? ''}`.trimEnd());
  const tables: string[] = [];
  for (const [key, value] of Object.entries(report.body ?? {})) {
    if (Array.isArray(value) && value.length > 0 && value.every(isRecord))
      tables.push('', `## ${words(key)}`, '', ...table(value));
    else if (typeof value === 'string' && value.includes('\n'))
      tables.push('', `## ${words(key)}`, '', value);
    else lines.push(`- **${words(key)}**: ${scalar(value)}`);
  }
  return [...lines, ...tables, ''].join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

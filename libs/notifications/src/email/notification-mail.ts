/** An e-mail as the notifications area composes it; the e-mail processor sends it. */
export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  /**
   * Stable per notification (or digest) and channel; the e-mail processor makes the
   * Message-ID `<deliveryId@domain>` of it, so receivers can drop duplicates.
   */
  deliveryId: string;
}

/** What a mail may say about one report, read at send time under the visibility rule. */
export interface MailReportLine {
  notificationId: string;
  event: string;
  reportId: string;
  title: string;
  tlp: string;
  urgent: boolean;
  status: string;
  summary: string;
}

/** Only these TLPs let a mail carry the summary; AMBER+STRICT and RED: title, TLP, link. */
const SUMMARY_TLPS = new Set(['CLEAR', 'GREEN', 'AMBER']);

const VERB: Record<string, string> = {
  'report.published': 'published',
  'report.amended': 'amended',
  'report.withdrawn': 'withdrawn',
};

export function reportLink(publicUrl: string, reportId: string): string {
  return `${publicUrl}/api/v1/reports/${reportId}`;
}

/** Lines of one report, never its body; the summary only where the TLP allows it. */
export function reportLines(line: MailReportLine, publicUrl: string): string[] {
  const out = [
    `${line.urgent ? 'URGENT: ' : ''}${line.title}`,
    `TLP:${line.tlp} (report ${VERB[line.event] ?? line.event.replace('report.', '')})`,
  ];
  if (SUMMARY_TLPS.has(line.tlp) && line.summary) out.push('', line.summary);
  out.push('', `Open it: ${reportLink(publicUrl, line.reportId)}`);
  return out;
}

export function composeImmediate(
  to: string,
  displayName: string,
  line: MailReportLine,
  publicUrl: string,
): ComposedMail {
  const verb = VERB[line.event] ?? 'updated';
  return {
    to,
    subject: `${line.urgent ? '[URGENT] ' : ''}[TLP:${line.tlp}] Report ${verb}: ${line.title}`,
    text: [
      `Hello ${displayName},`,
      '',
      `A report shared with you on the RILON portal was ${verb}.`,
      '',
      ...reportLines(line, publicUrl),
      '',
      'Handle it according to its TLP label. You receive this because of your subscription rules.',
    ].join('\n'),
    deliveryId: `notification.${line.notificationId}.email`,
  };
}

/** `more`: updates past the listed ones, which the mail sends the reader to the inbox for. */
export function composeDigest(
  to: string,
  displayName: string,
  userId: string,
  day: string,
  lines: MailReportLine[],
  publicUrl: string,
  more = 0,
): ComposedMail {
  const blocks = lines.flatMap((line, i) => [`${i + 1}. `, ...reportLines(line, publicUrl), '']);
  const total = lines.length + more;
  const rest = more
    ? [
        `...and ${more} more update${more === 1 ? '' : 's'} not listed here.`,
        `All of them are in your inbox: ${publicUrl}/api/v1/notifications`,
        '',
      ]
    : [];
  return {
    to,
    subject: `RILON daily digest for ${day}: ${total} report update${total === 1 ? '' : 's'}`,
    text: [
      `Hello ${displayName},`,
      '',
      'Report updates since your last digest:',
      '',
      ...blocks,
      ...rest,
    ]
      .join('\n')
      .replace(/^(\d+)\. \n/gm, '$1. '),
    deliveryId: `digest.${userId}.${day}`,
  };
}

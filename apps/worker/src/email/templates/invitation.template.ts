import type { EmailContent } from './email-content';

/** The parameters of an invitation (OutboxPayloads['email.send'] with template 'invitation'). */
export interface InvitationParams {
  displayName: string;
  link: string;
  /** Empty when the invitation is to the portal without a team. */
  teamName?: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A plain, clear invitation: who, to what, the link, how long it is valid. */
export function renderInvitation(params: InvitationParams): EmailContent {
  const where = params.teamName
    ? `the team ${params.teamName} on the RILON portal`
    : 'the RILON portal';
  const text = [
    `Hello ${params.displayName},`,
    '',
    `You have been invited to join ${where}, where members of the Regional Immigration`,
    'Liaison Officer Network share reports and alerts.',
    '',
    'To accept, open this link and choose your password:',
    '',
    params.link,
    '',
    'The link is valid for 7 days and can be used once. If you did not expect this',
    'invitation, you can ignore this e-mail.',
    '',
    'RILON portal',
  ].join('\n');
  const html =
    `<p>Hello ${escapeHtml(params.displayName)},</p>` +
    `<p>You have been invited to join ${escapeHtml(where)}, where members of the Regional Immigration Liaison Officer Network share reports and alerts.</p>` +
    `<p>To accept, open this link and choose your password:<br><a href="${escapeHtml(params.link)}">${escapeHtml(params.link)}</a></p>` +
    '<p>The link is valid for 7 days and can be used once. If you did not expect this invitation, you can ignore this e-mail.</p>' +
    '<p>RILON portal</p>';
  return { subject: 'Your invitation to the RILON portal', text, html };
}

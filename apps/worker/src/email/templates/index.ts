import type { EmailContent } from './email-content';
import { renderInvitation } from './invitation.template';

/** A template of `email.send` events: checks its params and renders them. */
export interface EmailTemplate {
  /** Names of the params that must be non-empty strings. */
  required: string[];
  /**
   * Names of the params that are secret (a link holding a token): erased from the outbox
   * row as soon as the mail is sent. Name every param that grants anything.
   */
  secret: string[];
  render(params: Record<string, string>): EmailContent;
}

/**
 * The templates an `email.send` outbox event may name. To add one, write its
 * `<name>.template.ts` beside the others and list it here.
 */
export const EMAIL_TEMPLATES: Readonly<Record<string, EmailTemplate>> = {
  invitation: {
    required: ['displayName', 'link'],
    secret: ['link'],
    render: (p) =>
      renderInvitation({ displayName: p.displayName, link: p.link, teamName: p.teamName }),
  },
};

/** Every template's secret params, erased from an `email.send` event once it is sent. */
export const SECRET_PARAMS: readonly string[] = [
  ...new Set(Object.values(EMAIL_TEMPLATES).flatMap((template) => template.secret)),
];

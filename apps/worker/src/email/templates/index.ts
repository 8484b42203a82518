import type { EmailContent } from './email-content';
import { renderInvitation } from './invitation.template';

/** A template of `email.send` events: checks its params and renders them. */
export interface EmailTemplate {
  /** Names of the params that must be non-empty strings. */
  required: string[];
  render(params: Record<string, string>): EmailContent;
}

/**
 * The templates an `email.send` outbox event may name. To add one, write its
 * `<name>.template.ts` beside the others and list it here.
 */
export const EMAIL_TEMPLATES: Readonly<Record<string, EmailTemplate>> = {
  invitation: {
    required: ['displayName', 'link'],
    render: (p) =>
      renderInvitation({ displayName: p.displayName, link: p.link, teamName: p.teamName }),
  },
};

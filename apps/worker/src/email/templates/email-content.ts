/** What a template produces; the renderer adds the recipient and the delivery id. */
export interface EmailContent {
  subject: string;
  text: string;
  html?: string;
}

/** The address part of MAIL_FROM, which may be `Name <a@b>` or `a@b`. */
export function mailAddress(mailFrom: string): string {
  return mailFrom.replace(/^.*<(.+)>\s*$/, '$1').trim();
}

/** A stable Message-ID for one delivery: `<deliveryId@domain of MAIL_FROM>`. */
export function messageIdFor(deliveryId: string, mailFrom: string): string {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(deliveryId)) {
    throw new Error('a delivery id holds letters, digits, ".", "_" and "-" only');
  }
  const domain = mailAddress(mailFrom).split('@')[1] || 'localhost';
  return `<${deliveryId}@${domain}>`;
}

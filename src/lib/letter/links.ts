/** Links that open a way to reach an official, built from the content so nothing is typed twice. */

const encode = encodeURIComponent;

/** RFC 6068: line breaks in a mailto body are CRLF. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export interface EmailDraft {
  to: string;
  subject: string;
  body: string;
}

export function mailtoLink({ to, subject, body }: EmailDraft): string {
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(crlf(body))}`;
}

export function gmailLink({ to, subject, body }: EmailDraft): string {
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${encode(to)}&su=${encode(subject)}&body=${encode(body)}`;
}

/** Outlook for personal accounts (outlook.com, hotmail.com). */
export function outlookLink({ to, subject, body }: EmailDraft): string {
  return `https://outlook.live.com/mail/0/deeplink/compose?to=${encode(to)}&subject=${encode(subject)}&body=${encode(body)}`;
}

/** Outlook for work and school accounts (Microsoft 365), which outlook.live.com does not serve. */
function outlookWorkLink({ to, subject, body }: EmailDraft): string {
  return `https://outlook.office.com/mail/deeplink/compose?to=${encode(to)}&subject=${encode(subject)}&body=${encode(body)}`;
}

/** Every way to open an email, keyed by the name the page uses for it. */
export const composeLinks = {
  mailto: mailtoLink,
  gmail: gmailLink,
  outlook: outlookLink,
  'outlook-work': outlookWorkLink,
} as const;
export type Composer = keyof typeof composeLinks;

/** "+1 202 833 9860" becomes "tel:+12028339860". */
export function telLink(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
}

export function xPostLink(account: string, text: string, url?: string): string {
  const link = url ? `&url=${encode(url)}` : '';
  return `https://x.com/intent/post?text=${encode(`@${account} ${text}`)}${link}`;
}

export function instagramLink(account: string): string {
  return `https://www.instagram.com/${encode(account)}/`;
}

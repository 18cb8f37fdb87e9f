/** What a supporter may add to sign the letter; both parts are optional. */
export interface Sender {
  name?: string | undefined;
  place?: string | undefined;
}

export interface LetterParts {
  salutation: string;
  /** Letter body as plain paragraphs separated by blank lines (the Markdown file's body). */
  body: string;
  closing: string;
}

/** Splits a Markdown body into paragraphs, joining lines that an editor wrapped. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** The signature lines: whatever the sender filled in, nothing otherwise. */
export function signature(sender: Sender = {}): string[] {
  return [sender.name, sender.place]
    .map((line) => line?.trim() ?? '')
    .filter((line) => line.length > 0);
}

/** The whole letter as plain text: salutation, body, closing and signature, with blank lines between. */
export function letterText(parts: LetterParts, sender: Sender = {}): string {
  const signed = [parts.closing, ...signature(sender)].join('\n');
  return [parts.salutation, ...paragraphs(parts.body), signed].join('\n\n');
}

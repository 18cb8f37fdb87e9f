/**
 * The campaign's fixed vocabulary, with no schema library attached, so browser code can use it
 * without downloading the content schemas. src/lib/appeal/schema.ts builds on it.
 */

/** A report written in a language the site does not publish, as the appeal invites ("you can also write in your own language"). */
export const otherLanguage = 'other';

/**
 * Ways a supporter can act on an official. A report counts actions by these channels, and each
 * contact detail of an official belongs to one of them.
 */
export const channels = ['email', 'letter', 'fax', 'phone', 'social', 'contact-form'] as const;
export type Channel = (typeof channels)[number];

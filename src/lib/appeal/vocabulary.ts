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

/** An official's contact details, as far as they decide the channels (content/targets/). */
interface ContactDetails {
  email?: string | undefined;
  fax?: string | undefined;
  phone?: string | undefined;
  x?: string | undefined;
  instagram?: string | undefined;
  contactForm?: string | undefined;
}

/** The channels an official can be reached by: a letter always (every official has a postal address), and one per contact detail given. */
export function channelsOf(target: ContactDetails): Channel[] {
  const given: Record<Channel, boolean> = {
    email: target.email !== undefined,
    letter: true,
    fax: target.fax !== undefined,
    phone: target.phone !== undefined,
    social: target.x !== undefined || target.instagram !== undefined,
    'contact-form': target.contactForm !== undefined,
  };
  return channels.filter((channel) => given[channel]);
}

/** The channels a campaign's report may count: those any of its officials can be reached by, in the usual order. */
export function campaignChannels(targets: readonly ContactDetails[]): Channel[] {
  const used = new Set(targets.flatMap(channelsOf));
  return channels.filter((channel) => used.has(channel));
}

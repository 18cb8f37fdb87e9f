/**
 * The site's public address, for what people share and the links to the site (canonical,
 * hreflang, feeds, the sitemap, the thank-you page): Netlify's own when Netlify builds the site,
 * else the one the appeal gives, else the local server's. An address that names another Urgent
 * Action is a leftover from the appeal this site was copied from, and is refused.
 */

/** The Urgent Action an address names, as "119.21", if it names one ("ua-119-21.netlify.app", "ua11921.example.org"). */
export function urgentActionIn(address: string): string | undefined {
  const { hostname, pathname } = new URL(address);
  const match =
    /(?:^|[^a-z0-9])ua[-_.]?(\d{1,3})[-_.](\d{2})(?![0-9])|(?:^|[^a-z0-9])ua(\d{1,3})(\d{2})(?![0-9])/i.exec(
      `${hostname}${pathname}`,
    );
  if (!match) return undefined;
  const [, number, year, joinedNumber, joinedYear] = match;
  return `${Number(number ?? joinedNumber)}.${year ?? joinedYear}`;
}

/** Where the site's address comes from, in words for a message. */
type Source = 'Netlify (URL)' | 'Netlify (DEPLOY_PRIME_URL)' | 'siteUrl';

const localAddress = 'http://localhost:4321';

/**
 * The address the site is built for, or why the one configured cannot be: `ua` is the content's
 * own Urgent Action, `siteUrl` what its original appeal file gives.
 */
export function siteAddress(
  env: Readonly<Record<string, string | undefined>>,
  { ua, siteUrl }: { ua: string; siteUrl?: string | undefined },
): { address: string } | { refused: string; source: Source } {
  // A deploy preview or branch deploy links to itself; production to the site's main address.
  const preview = env['CONTEXT'] === 'deploy-preview' || env['CONTEXT'] === 'branch-deploy';
  const configured: [Source, string | undefined][] = [
    [
      preview ? 'Netlify (DEPLOY_PRIME_URL)' : 'Netlify (URL)',
      preview ? env['DEPLOY_PRIME_URL'] : env['URL'],
    ],
    ['siteUrl', siteUrl],
  ];
  for (const [source, address] of configured) {
    if (!address) continue;
    const named = urgentActionIn(address);
    if (named && named !== ua) {
      return {
        source,
        refused: `The site's address ${address} (from ${source}) names Urgent Action ${named}, but this appeal is ${ua}: it is the address of the appeal this site was copied from.`,
      };
    }
    return { address };
  }
  return { address: localAddress };
}

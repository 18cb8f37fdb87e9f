/**
 * Who sent a report, as far as the rate limit needs to know, without ever keeping it: a client key
 * (an IPv4 address, or an IPv6 /64) hashed with a secret salt. Pure: no database, no network.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

/** Expands an IPv6 address to its eight groups ("2001:db8::1" -> ["2001", "db8", "0", ...]). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const toGroups = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          // An embedded IPv4 tail ("::ffff:192.0.2.1") fills the last two groups.
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const first = toGroups(head);
  const last = tail === undefined ? [] : toGroups(tail);
  return [...first, ...Array<string>(8 - first.length - last.length).fill('0'), ...last].map(
    (group) => group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** Who the limit applies to: an IPv4 address, or an IPv6 /64 (one household or phone gets a whole /64). */
export function clientKey(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) === 6) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** A salted HMAC of the client and a period: the stored key can be neither reversed nor linked across periods. */
export function clientHash(address: string, periodStart: number, salt: string): string {
  return createHmac('sha256', salt)
    .update(`${periodStart}|${clientKey(address)}`)
    .digest('hex');
}

/**
 * The id of a report sent without JavaScript, which cannot make one: the same form sent again from
 * the same client on the same day (a double click, a resubmitted page) gets the same id, counted once.
 */
export function formReportId(form: string, address: string, now: number, salt: string): string {
  const day = Math.floor(now / 86_400_000);
  const hex = createHmac('sha256', salt)
    .update(`${day}|${clientKey(address)}|${form}`)
    .digest('hex');
  // An RFC 9562 version 8 UUID: the hash, with the version and variant bits set.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

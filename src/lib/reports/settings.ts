/**
 * The report function's settings, from its environment (Netlify's site settings), checked with zod
 * once per distinct set of values: a bad value is named in the log and its default is used.
 */
import { z } from 'astro/zod';

const localSalt = 'local development salt: set REPORTS_HASH_SALT in production';
/** A limit the database can hold (a Postgres integer). */
const limit = z.coerce.number().int().positive().max(2_147_483_647);
/** A wait of up to an hour, in whole seconds. */
const seconds = z.coerce.number().int().min(0).max(3_600);

/** A setting from the environment: its value if it is one `schema` accepts, else (said in the log) the default. */
function settingFrom(
  name: string,
  value: string | undefined,
  schema: z.ZodType<number>,
  what: string,
  fallback: number,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`${name}=${value} is not ${what}: using ${fallback}.`);
  return fallback;
}

const wholeNumber = 'a whole number from 1 to 2147483647';

export interface ReportSettings {
  /** Reports accepted from one client in the window (REPORTS_RATE_LIMIT, default 20). */
  rateLimit: number;
  /** Reports the whole campaign counts in the window before holding further ones for review (REPORTS_SURGE_LIMIT, default 500). */
  surgeLimit: number;
  /** The sliding window both limits count in: ten minutes. */
  windowMs: number;
  /** A form sent sooner than this after the supporter could first see it is held as too fast (REPORTS_MIN_FILL_SECONDS, default 3 s). */
  minFillMs: number;
  /** Secret mixed into client hashes so stored hashes cannot be matched to addresses (REPORTS_HASH_SALT). */
  salt: string;
}

let cached: { key: string; settings: ReportSettings } | undefined;

export function reportSettings(
  env: Record<string, string | undefined> = process.env,
): ReportSettings {
  const names = [
    'REPORTS_RATE_LIMIT',
    'REPORTS_SURGE_LIMIT',
    'REPORTS_MIN_FILL_SECONDS',
    'REPORTS_HASH_SALT',
    'NETLIFY',
  ] as const;
  const key = JSON.stringify(names.map((name) => env[name]));
  if (cached?.key === key) return cached.settings;
  const salt = env['REPORTS_HASH_SALT'] || localSalt;
  if (salt === localSalt && env['NETLIFY'] === 'true')
    console.warn('REPORTS_HASH_SALT is not set: rate-limit hashes use the public default salt.');
  const settings: ReportSettings = {
    rateLimit: settingFrom('REPORTS_RATE_LIMIT', env['REPORTS_RATE_LIMIT'], limit, wholeNumber, 20),
    surgeLimit: settingFrom(
      'REPORTS_SURGE_LIMIT',
      env['REPORTS_SURGE_LIMIT'],
      limit,
      wholeNumber,
      500,
    ),
    windowMs: 10 * 60_000,
    minFillMs:
      settingFrom(
        'REPORTS_MIN_FILL_SECONDS',
        env['REPORTS_MIN_FILL_SECONDS'],
        seconds,
        'a whole number of seconds from 0 to 3600',
        3,
      ) * 1_000,
    salt,
  };
  cached = { key, settings };
  return settings;
}

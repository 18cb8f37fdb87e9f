/**
 * The organizers' desk (`npm run desk -- <command>`), on the embedded database and on a real
 * PostgreSQL server: what an organizer reads, what each command changes in the tables, and that a
 * refused command changes nothing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csv } from '../src/lib/csv';
import { parseTime } from '../tools/desk/input.ts';
import { writeLocalDatabase } from '../tools/desk/local-database.ts';
import { appeal } from './support/appeal';
import { testDatabases } from './support/databases';
import {
  bareDatabase,
  contributions,
  desk,
  deskProcess,
  emptyDatabase,
  insertReport,
  stored,
  tallyChange,
  tallyFigures,
  type BareDatabase,
  type ReportFixture,
} from './support/desk';

/** The appeal's officials: two of them where it has two or more. */
const [first = '', second = first] = appeal.choices.targets;
const both = [...new Set([first, second])];

/**
 * A campaign's morning: three counted reports, five held for each reason, one already rejected.
 * They are rows as the function stores them: their channels are the site's vocabulary, whichever
 * the appeal's officials can be reached by, and a language the site does not publish ("other").
 */
const campaign = {
  countedSpanish: {
    counts: { email: 2, phone: 1 },
    targets: both,
    language: 'other',
    country: 'PE',
    minutesAgo: 3000,
  },
  countedLetter: { counts: { letter: 1 }, country: 'PE', minutesAgo: 2000 },
  countedRecent: { counts: { email: 1, social: 3 }, targets: [second], minutesAgo: 90 },
  honeypot: { counts: { email: 1 }, reasons: ['honeypot'], minutesAgo: 50 },
  bot: { counts: { email: 5 }, reasons: ['honeypot', 'too-fast'], minutesAgo: 40 },
  tooFast: {
    counts: { phone: 2 },
    reasons: ['too-fast'],
    language: 'other',
    country: 'CL',
    minutesAgo: 20,
  },
  surgeEarly: {
    counts: { email: 1, fax: 1 },
    reasons: ['surge'],
    targets: [second],
    country: 'PE',
    minutesAgo: 150,
  },
  surgeLate: { counts: { email: 1 }, reasons: ['surge'], language: 'other', minutesAgo: 10 },
  rejected: { counts: { email: 9 }, reasons: ['surge'], minutesAgo: 100, rejectedMinutesAgo: 60 },
} satisfies Record<string, ReportFixture>;
type Name = keyof typeof campaign;
const counted: Name[] = ['countedSpanish', 'countedLetter', 'countedRecent'];

const sixtyFourHex = /\b[0-9a-f]{64}\b/i;
const oneLine = (text: string) => text.trimEnd().split('\n').length === 1;

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((field += '"'), (i += 1));
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(field), (field = ''));
    else if (char === '\r' && text[i + 1] === '\n')
      (row.push(field), rows.push(row), (row = []), (field = ''), (i += 1));
    else field += char;
  }
  return rows;
}

describe('what an organizer types and reads', () => {
  const now = Date.parse('2021-12-20T12:00:00Z');
  it.each([
    ['2021-12-17', '2021-12-17T00:00:00.000Z'],
    ['2021-12-17T10:00Z', '2021-12-17T10:00:00.000Z'],
    ['2021-12-17 10:00', '2021-12-17T10:00:00.000Z'],
    ['2021-12-17T10:00-05:00', '2021-12-17T15:00:00.000Z'],
    ['30m', '2021-12-20T11:30:00.000Z'],
    ['2h', '2021-12-20T10:00:00.000Z'],
    ['3d', '2021-12-17T12:00:00.000Z'],
  ])('reads the time %s as %s', (text, iso) => {
    expect(parseTime('since', text, now).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2021-02-30', '2021-12-17T24:00Z', '17/12/2021', '2 hours'])(
    'refuses %s as a time, saying what it accepts',
    (text) => {
      expect(() => parseTime('since', text, now)).toThrow(
        /--since "[^"]+" is not a time: write a date \(2021-12-17\)/,
      );
    },
  );

  it.each([
    [[['plain', 1, null]], 'plain,1,\r\n'],
    [[['a, b', 'say "hi"', 'two\nlines']], '"a, b","say ""hi""","two\nlines"\r\n'],
    [[['Perú', 'ñ']], 'Perú,ñ\r\n'],
  ])('writes CSV as RFC 4180 says: %j', (rows, text) => {
    expect(csv(rows)).toBe(text);
  });
});

describe('the command line', () => {
  it('lists every command, the time formats and what each exit code means under --help', async () => {
    const run = await deskProcess(['--help'], {});
    expect(run.code).toBe(0);
    for (const command of ['status', 'held', 'release', 'reject', 'export', 'recount'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toMatch(/^ {2}0 {2}done/m);
    expect(run.stdout).toMatch(/^ {2}1 {2}a check failed/m);
    expect(run.stdout).toMatch(/^ {2}2 {2}bad input/m);
    expect(run.stdout).toMatch(/^ {2}3 {2}no database/m);
    expect(run.stdout).toContain('2021-12-17T10:00Z');
  });

  it('explains each command under <command> --help', async () => {
    const run = await deskProcess(['release', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'npm run desk -- release --reason R [--since T] [--until T] [--dry-run] [--json]',
    );
  });

  it.each([
    [
      ['frob'],
      /^Unknown command "frob": the commands are status, held, release, reject, export, recount/,
    ],
    [['held', '--color'], /^Unknown option '--color': see npm run desk -- held --help\.$/],
    [['release', 'not-an-id'], /^"not-an-id" is not a report id/],
    [
      ['held', '--reason', 'spam'],
      /^Unknown reason "spam": the reasons are honeypot, too-fast, surge\.$/,
    ],
    [['release'], /^Name the reports: `release <id…>`/],
    [['export', '--what', 'everything'], /^--what "everything": choose reports or tally\.$/],
  ])(
    'exits 2 with one line for bad input, before looking for a database: %j',
    async (args, message) => {
      const run = await deskProcess(args, {});
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toBe(true);
      expect(run.stderr.trimEnd()).toMatch(message);
      expect(run.stdout).toBe('');
    },
  );

  it('exits 3 when the database named cannot be reached, naming where it looked and not the password', async () => {
    const run = await deskProcess(['status'], {
      NETLIFY_DB_URL: 'postgres://organizer:s3cret@127.0.0.1:1/campaign',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^Cannot reach the database at 127\.0\.0\.1:1\/campaign/);
    expect(run.stderr).not.toContain('s3cret');
  });

  it('with nothing set and no local site running, says so in one line and how to start one (exit 3)', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'desk-'));
    const run = await desk('', ['status'], {}, checkout);
    expect(run.code).toBe(3);
    expect(oneLine(run.stderr)).toBe(true);
    expect(run.stderr).toContain('NETLIFY_DB_URL is not set and no local site is running');
    expect(run.stderr).toContain('`npm start`');
  });

  it('does not trust a .netlify/database.json left by a site that is no longer running', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'desk-'));
    mkdirSync(join(checkout, '.netlify'));
    // A pid above Linux's highest: no process has it.
    writeFileSync(
      join(checkout, '.netlify', 'database.json'),
      JSON.stringify({
        url: 'postgres://postgres@127.0.0.1:1/postgres',
        pid: 2 ** 22 + 1,
        startedAt: '2021-12-17T10:00:00.000Z',
      }),
    );
    const run = await desk('', ['status'], {}, checkout);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is no longer running');
    expect(run.stderr).toContain('`npm start`');
  });
});

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let db: BareDatabase;
    let ids: Record<Name, string>;
    const receivedOn = async (id: string) =>
      (
        await db.query<{ day: string }>(
          `SELECT received_on::text AS day FROM reports WHERE id = $1`,
          [id],
        )
      ).rows[0]!.day;
    const run = (...args: string[]) => desk(db.url, args);
    const embedded = database.name === 'the embedded database';

    beforeAll(async () => {
      db = await bareDatabase(database);
    });
    afterAll(async () => {
      await db?.stop();
    });
    beforeEach(async () => {
      await emptyDatabase(db);
      const entries: [Name, string][] = [];
      for (const [name, report] of Object.entries(campaign) as [Name, ReportFixture][])
        entries.push([name, await insertReport(db, report)]);
      ids = Object.fromEntries(entries) as Record<Name, string>;
    });

    describe('status', () => {
      it('shows the public tally, a recount from the rows that agrees, the review queue, recent reports and the limits', async () => {
        const result = await run('status', '--json');
        expect(result.code).toBe(0);
        const status = JSON.parse(result.stdout);
        expect(status.tally).toMatchObject({
          actions: 8,
          reports: 3,
          // The appeal's channels and officials, as the site lists them.
          byChannel: Object.fromEntries(
            appeal.choices.channels.map((channel) => [
              channel,
              counted.reduce(
                (sum, name) =>
                  sum + ((campaign[name].counts as Record<string, number>)[channel] ?? 0),
                0,
              ),
            ]),
          ),
          byTarget: Object.fromEntries(
            appeal.choices.targets.map((target) => [
              target,
              counted.filter((name) =>
                ((campaign[name] as ReportFixture).targets ?? [first]).includes(target),
              ).length,
            ]),
          ),
        });
        expect(status.recount).toEqual({
          agrees: true,
          figures: expect.any(Number),
          disagreements: [],
        });
        expect(status.held).toEqual({
          held: 5,
          rejected: 1,
          byReason: { honeypot: 2, 'too-fast': 2, surge: 2 },
        });
        expect(status.received).toEqual({
          lastHour: { received: 4, counted: 0 },
          lastDay: { received: 7, counted: 1 },
        });
        expect(status.limits).toMatchObject({ rateLimit: 20, surgeLimit: 500, windowMinutes: 10 });
      });

      it('says the limits it shows are this shell’s, and where the deployed function’s are', async () => {
        const result = await desk(db.url, ['status'], {
          REPORTS_RATE_LIMIT: '7',
          REPORTS_SURGE_LIMIT: '900',
        });
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(
          /Limits\s+7 reports per client, 900 counted for the campaign, per 10 minutes/,
        );
        expect(result.stdout).toContain("this shell's environment");
        expect(result.stdout).toContain('netlify env:list');
        expect(result.stdout).toMatch(/Recount\s+agrees with the tally/);
        expect(result.stdout).toMatch(
          /Held\s+5 reports awaiting review \(honeypot 2 · surge 2 · too-fast 2\); 1 rejected/,
        );
      });

      it('exits 1 and names the figure when the tally was edited by hand, changing nothing', async () => {
        await db.query(
          `UPDATE tally SET actions = actions + 1 WHERE dimension = 'channel' AND key = 'email'
           AND shard = (SELECT min(shard) FROM tally WHERE dimension = 'channel' AND key = 'email')`,
        );
        const before = await stored(db);
        const result = await run('status');
        expect(result.code).toBe(1);
        expect(oneLine(result.stderr)).toBe(true);
        expect(result.stderr).toContain(
          'channel "email": the tally says 4 actions in 2 reports, the rows 3 actions in 2 reports',
        );
        expect(result.stderr).toContain('npm run desk -- recount');
        expect(result.stdout).toMatch(/Recount\s+DISAGREES with the tally on 1 figure$/m);
        expect(await stored(db)).toEqual(before);
      });
    });

    describe('held', () => {
      it('lists the held reports, oldest first, and neither counted nor rejected ones', async () => {
        const result = await run('held');
        expect(result.code).toBe(0);
        const listed = [...result.stdout.matchAll(/^([0-9a-f-]{36}) /gm)].map((match) => match[1]);
        expect(listed).toEqual(
          ['surgeEarly', 'honeypot', 'bot', 'tooFast', 'surgeLate'].map(
            (name) => ids[name as Name],
          ),
        );
        expect(result.stdout).toMatch(
          new RegExp(`${ids.tooFast} .* too-fast +${first} +phone 2 +2 +other +CL`),
        );
        expect(result.stdout).toMatch(new RegExp(`${ids.bot} .* honeypot, too-fast `));
      });

      it('narrows the list by --reason and --since, and gives JSON a script can read', async () => {
        const surge = JSON.parse((await run('held', '--reason', 'surge', '--json')).stdout) as {
          id: string;
          reasons: string[];
        }[];
        expect(surge.map((report) => report.id)).toEqual([ids.surgeEarly, ids.surgeLate]);
        const recent = JSON.parse((await run('held', '--since', '45m', '--json')).stdout) as {
          id: string;
        }[];
        expect(recent.map((report) => report.id)).toEqual([ids.bot, ids.tooFast, ids.surgeLate]);
        const none = JSON.parse(
          (await run('held', '--reason', 'honeypot', '--since', '30m', '--json')).stdout,
        );
        expect(none).toEqual([]);
        expect(new Set(Object.keys(surge[0]!))).toEqual(
          new Set([
            'id',
            'receivedAt',
            'receivedOn',
            'reasons',
            'targets',
            'counts',
            'actions',
            'language',
            'country',
            'rejectedAt',
          ]),
        );
      });
    });

    describe('release', () => {
      it('adds exactly that report to the public tally, and prints the tally before and after', async () => {
        const before = await tallyFigures(db);
        const result = await run('release', ids.tooFast);
        expect(result.code).toBe(0);
        const change = tallyChange(before, await tallyFigures(db));
        expect(change).toEqual(
          contributions({ ...campaign.tooFast, receivedOn: await receivedOn(ids.tooFast) }),
        );
        expect(result.stdout).toContain('Released 1 held report:');
        expect(result.stdout).toContain(
          'Public tally: 8 actions in 3 reports → 10 actions in 4 reports',
        );
        expect(result.stdout).toMatch(/^channel +phone +1 → 3 +1 → 2$/m);
        expect((await run('held', '--json')).stdout).not.toContain(ids.tooFast);
      });

      it('--dry-run shows what would change and changes nothing', async () => {
        const before = await stored(db);
        const result = await run('release', '--reason', 'surge', '--dry-run');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(
          'Dry run, nothing was changed. This would release 2 held reports:',
        );
        expect(result.stdout).toContain(
          'Public tally: 8 actions in 3 reports → 11 actions in 5 reports',
        );
        expect(await stored(db)).toEqual(before);
      });

      it('releases by --reason within --since and --until, and only those', async () => {
        const before = await tallyFigures(db);
        const result = await run(
          'release',
          '--reason',
          'surge',
          '--since',
          '3h',
          '--until',
          '1h',
          '--json',
        );
        expect(result.code).toBe(0);
        expect(
          JSON.parse(result.stdout).reports.map((report: { id: string }) => report.id),
        ).toEqual([ids.surgeEarly]);
        expect(tallyChange(before, await tallyFigures(db))).toEqual(
          contributions({ ...campaign.surgeEarly, receivedOn: await receivedOn(ids.surgeEarly) }),
        );
      });

      it('leaves held, and names, a report also held for another reason when releasing by --reason', async () => {
        const result = await run('release', '--reason', 'too-fast');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(ids.tooFast);
        expect(result.stdout).toContain(
          `Left held, as also held for another reason: ${ids.bot} (honeypot, too-fast).`,
        );
        const stillHeld = JSON.parse((await run('held', '--json')).stdout) as { id: string }[];
        expect(stillHeld.map((report) => report.id)).toContain(ids.bot);
        expect(stillHeld.map((report) => report.id)).not.toContain(ids.tooFast);
      });

      it.each([
        [
          'a counted report',
          'countedLetter',
          /^Nothing was released: report \S+ is already counted in the tally\.$/,
        ],
        [
          'a rejected report',
          'rejected',
          /^Nothing was released: report \S+ was rejected at .* UTC and is never counted\.$/,
        ],
        [
          'a report that does not exist',
          undefined,
          /^Nothing was released: no report has the id \S+\.$/,
        ],
      ] as const)(
        'refuses %s with one line, changing nothing (exit 2)',
        async (_, name, message) => {
          const before = await stored(db);
          const result = await run('release', name ? ids[name] : crypto.randomUUID());
          expect(result.code).toBe(2);
          expect(oneLine(result.stderr)).toBe(true);
          expect(result.stderr.trimEnd()).toMatch(message);
          expect(await stored(db)).toEqual(before);
        },
      );

      it('releases all the reports named or none of them', async () => {
        const before = await stored(db);
        const result = await run('release', ids.honeypot, ids.countedRecent, ids.surgeLate);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`report ${ids.countedRecent} is already counted`);
        expect(await stored(db)).toEqual(before);
      });

      // The embedded database serves every connection in one session: it has no concurrent transactions to race.
      it.skipIf(embedded)(
        'counts a report once when ten organizers release it at the same moment',
        async () => {
          const before = await tallyFigures(db);
          const results = await Promise.all(
            Array.from({ length: 10 }, () => run('release', ids.surgeLate)),
          );
          expect(results.map((result) => result.code).sort()).toEqual([
            0, 2, 2, 2, 2, 2, 2, 2, 2, 2,
          ]);
          for (const refused of results.filter((result) => result.code === 2))
            expect(refused.stderr).toContain('is already counted in the tally');
          expect(tallyChange(before, await tallyFigures(db))).toEqual(
            contributions({ ...campaign.surgeLate, receivedOn: await receivedOn(ids.surgeLate) }),
          );
        },
      );

      it.skipIf(embedded)(
        'lets exactly one decision stand when organizers release and reject the same report at once',
        async () => {
          const before = await tallyFigures(db);
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, n) => run(n % 2 ? 'reject' : 'release', ids.honeypot)),
          );
          expect(results.filter((result) => result.code === 0)).toHaveLength(1);
          expect(results.filter((result) => result.code === 2)).toHaveLength(9);
          const { rows } = await db.query<{ released: boolean; rejected: boolean }>(
            `SELECT cardinality(review_reasons) = 0 AS released, rejected_at IS NOT NULL AS rejected FROM reports WHERE id = $1`,
            [ids.honeypot],
          );
          expect(rows[0]!.released).not.toBe(rows[0]!.rejected);
          const expected = rows[0]!.released
            ? contributions({ ...campaign.honeypot, receivedOn: await receivedOn(ids.honeypot) })
            : {};
          expect(tallyChange(before, await tallyFigures(db))).toEqual(expected);
        },
      );
    });

    describe('reject', () => {
      it('leaves the public tally as it was and takes the report off the held list, keeping it stored', async () => {
        const before = await tallyFigures(db);
        const result = await run('reject', ids.bot);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Rejected 1 held report:');
        expect(result.stdout).toContain('Public tally unchanged: 8 actions in 3 reports.');
        expect(await tallyFigures(db)).toEqual(before);
        expect((await run('held')).stdout).not.toContain(ids.bot);
        expect(
          (
            await db.query(`SELECT 1 FROM reports WHERE id = $1 AND rejected_at IS NOT NULL`, [
              ids.bot,
            ])
          ).rowCount,
        ).toBe(1);
      });

      it('rejects every report held for a reason, and a rejected report can no longer be released, by the desk or by hand', async () => {
        expect((await run('reject', '--reason', 'surge')).code).toBe(0);
        expect(JSON.parse((await run('held', '--reason', 'surge', '--json')).stdout)).toEqual([]);
        const before = await stored(db);
        const result = await run('release', ids.surgeLate);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/was rejected at .* and is never counted/);
        await expect(
          db.query(`UPDATE reports SET review_reasons = '{}' WHERE id = $1`, [ids.surgeLate]),
        ).rejects.toThrow(`Report ${ids.surgeLate} was rejected at`);
        expect(await stored(db)).toEqual(before);
      });

      it('refuses to reject a counted report, by the desk or by hand', async () => {
        const before = await stored(db);
        const result = await run('reject', ids.countedSpanish);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
          'is counted in the tally, and only a held report can be rejected',
        );
        await expect(
          db.query(`UPDATE reports SET rejected_at = now() WHERE id = $1`, [ids.countedSpanish]),
        ).rejects.toThrow(/reports_rejected_held/);
        expect(await stored(db)).toEqual(before);
      });
    });

    describe('export', () => {
      it('writes the counted reports as CSV a spreadsheet reads: a header, one row per report, nothing about the sender', async () => {
        const result = await run('export');
        expect(result.code).toBe(0);
        expect(result.stdout.endsWith('\r\n')).toBe(true);
        const [header, ...rows] = parseCsv(result.stdout);
        expect(header).toEqual([
          'id',
          'received_at',
          'received_on',
          'targets',
          'email',
          'letter',
          'fax',
          'phone',
          'social',
          'contact-form',
          'actions',
          'language',
          'country',
        ]);
        expect(rows.map((row) => row[0])).toEqual(counted.map((name) => ids[name]));
        expect(rows[0]).toEqual([
          ids.countedSpanish,
          expect.any(String),
          await receivedOn(ids.countedSpanish),
          both.join(' '),
          '2',
          '0',
          '0',
          '1',
          '0',
          '0',
          '3',
          'other',
          'PE',
        ]);
        expect(rows[1]?.at(-1)).toBe('PE');
        expect(rows[2]?.at(-1)).toBe('');
        expect(header!.some((column) => /client|hash|ip/i.test(column))).toBe(false);
        expect(result.stdout).not.toMatch(sixtyFourHex);
      });

      it('writes the same reports as JSON', async () => {
        const reports = JSON.parse((await run('export', '--json')).stdout) as Record<
          string,
          unknown
        >[];
        expect(reports.map((report) => report['id'])).toEqual(counted.map((name) => ids[name]));
        expect(reports[0]).toEqual({
          id: ids.countedSpanish,
          receivedAt: expect.stringMatching(/Z$/),
          receivedOn: await receivedOn(ids.countedSpanish),
          targets: both,
          counts: { email: 2, phone: 1 },
          actions: 3,
          language: 'other',
          country: 'PE',
        });
        expect(JSON.stringify(reports)).not.toMatch(sixtyFourHex);
      });

      it('writes the tally as the site publishes it, with no country of fewer than five reports named, as CSV and as JSON', async () => {
        const [header, ...rows] = parseCsv((await run('export', '--what', 'tally')).stdout);
        expect(header).toEqual(['dimension', 'key', 'actions', 'reports']);
        expect(rows).toContainEqual(['all', '', '8', '3']);
        expect(new Set(rows.map((row) => row[0]))).toEqual(
          new Set(['all', 'channel', 'target', 'day', 'country', 'language']),
        );
        // Two counted reports from Peru: too few to name the country on its own.
        expect(rows.filter((row) => row[0] === 'country')).toEqual([
          ['country', 'other', '4', '2'],
        ]);
        const json = JSON.parse((await run('export', '--what', 'tally', '--json')).stdout) as {
          actions: number;
          reports: number;
          byCountry: Record<string, unknown>;
        };
        expect(json).toMatchObject({
          actions: 8,
          reports: 3,
          byCountry: { other: { actions: 4, reports: 2 } },
        });
      });
    });

    describe('recount', () => {
      it('prints what a hand edit changed, and rebuilds the tally so status agrees again', async () => {
        const truth = await tallyFigures(db);
        await db.query(
          `UPDATE tally SET actions = actions + 5, reports = reports + 1 WHERE dimension = 'language' AND key = 'other'`,
        );
        const result = await run('recount');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('1 figure changed');
        expect(result.stdout).toMatch(/^language +other +8 → 3 +2 → 1$/m);
        expect(await tallyFigures(db)).toEqual(truth);
        expect((await run('status')).code).toBe(0);
      });

      it('leaves a tally that agrees with the rows as it was', async () => {
        const before = await db.query(`SELECT * FROM tally ORDER BY dimension, key, shard`);
        const result = await run('recount', '--json');
        expect(JSON.parse(result.stdout)).toEqual({ rebuilt: false, changes: [] });
        expect((await db.query(`SELECT * FROM tally ORDER BY dimension, key, shard`)).rows).toEqual(
          before.rows,
        );
      });
    });

    describe('as an organizer runs it', () => {
      it('exits 0 on NETLIFY_DB_URL, and finds the database of a running `npm start` with nothing set', async () => {
        const named = await deskProcess(['status'], { NETLIFY_DB_URL: db.url });
        expect(named.code).toBe(0);
        expect(named.stdout).toMatch(/Public tally\s+8 actions in 3 reports/);
        const checkout = mkdtempSync(join(tmpdir(), 'desk-'));
        // As tools/serve.ts writes it: this process plays the running site.
        writeLocalDatabase(checkout, db.url);
        const local = await desk('', ['held', '--reason', 'too-fast'], {}, checkout);
        expect(local.code).toBe(0);
        expect(local.stdout).toContain('(the local site, npm start, pid');
        expect(local.stdout).toContain(ids.tooFast);
      });

      it('exits 3 on a database that lacks the newest migration, saying the deploy (or npm start) applies it', async () => {
        const older = await bareDatabase(database, '20261201090000_exact_limits_sharded_tally');
        try {
          const result = await desk(older.url, ['held']);
          expect(result.code).toBe(3);
          expect(oneLine(result.stderr)).toBe(true);
          expect(result.stderr).toMatch(
            /lacks this site's tables as the migrations define them \(.*rejected_at.*\): deploy the site, or run `npm start`/,
          );
        } finally {
          await older.stop();
        }
      });
    });
  });
}

/**
 * The database unreachable or hanging: the supporter gets 503 with Retry-After, nothing is
 * written, and the same report sent again once it is back counts once.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeal } from './support/appeal';
import { clientNumber, startSite, validForm, validReport, type ReportSite } from './support/site';

const t = appeal.strings(appeal.defaultLanguage);

let site: ReportSite;
let client = 0;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/** A port that accepts connections and never answers, like a database stuck under load. */
async function hangingDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: the database is down. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** Points the site's function at another database for the length of `run`, as an outage would. */
async function withDatabaseAt<T>(url: string, run: () => Promise<T>): Promise<T> {
  const working = process.env['NETLIFY_DB_URL'];
  process.env['NETLIFY_DB_URL'] = url;
  try {
    return await run();
  } finally {
    process.env['NETLIFY_DB_URL'] = working;
  }
}

describe('when storage fails', () => {
  it('answers 503 with Retry-After while the database is down, stores nothing, and counts the retry once', async () => {
    const report = validReport({ counts: { letter: 2 } });
    const before = await site.stored();
    const failed = await withDatabaseAt(await closedPort(), () =>
      site.postReport(report, { client: clientNumber(++client) }),
    );
    expect(failed.status).toBe(503);
    expect(Number(failed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await failed.json()) as { detail: string }).detail).toBe(t.reportUnavailable);
    expect(await site.stored()).toEqual(before);

    const retried = await site.postReport(report, { client: clientNumber(++client) });
    expect(retried.status).toBe(201);
    const again = await site.postReport(report, { client: clientNumber(++client) });
    expect(again.status).toBe(200);
    const after = await site.stored();
    expect(after.reports).toBe(before.reports + 1);
    const tally = (await (await fetch(`${site.url}/api/tally`)).json()) as { actions: number };
    expect(tally.actions).toBe(2);
  });

  it('answers 503, instead of waiting for ever, when the database accepts connections but never replies', async () => {
    const hanging = await hangingDatabase();
    try {
      const failed = await withDatabaseAt(hanging.url, () =>
        site.postReport(validReport(), { client: clientNumber(++client) }),
      );
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await hanging.close();
    }
  });

  it('shows a form post a page that asks to send it again', async () => {
    const failed = await withDatabaseAt(await closedPort(), () =>
      site.postForm(validForm(), {
        client: clientNumber(++client),
      }),
    );
    expect(failed.status).toBe(503);
    expect(await failed.text()).toContain(t.reportUnavailable);
  });

  it('answers the tally with 503 while the database is down, and with the numbers once it is back', async () => {
    const failed = await withDatabaseAt(await closedPort(), () => fetch(`${site.url}/api/tally`));
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await fetch(`${site.url}/api/tally`)).status).toBe(200);
  });
});

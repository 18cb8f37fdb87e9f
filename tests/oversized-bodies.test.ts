/**
 * An oversized body gets its 413 whatever the client does meanwhile: 10 MB sent as fast as the
 * socket takes it, by a client that stops at the first bytes of an answer, to both ways in, with
 * Content-Length and chunked, on the embedded database and on a real PostgreSQL server. A server
 * that closes with the upload unread makes the client's next write fail, and the client loses the
 * answer it was sent (RFC 9112 §9.6). Real sockets against the production build.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases';
import { startSiteOn, type ReportSite } from './support/site';
import type { Upload, UploadAnswer } from './support/oversized-upload';

const attempts = 5;

/** One upload of 10 MB by the client on its own thread; its answer's head, or how it was lost. */
async function upload(
  site: ReportSite,
  path: string,
  type: string,
  chunked: boolean,
): Promise<UploadAnswer> {
  const workerData: Upload = { url: site.url, path, type, chunked, size: 10 * 1024 * 1024 };
  const worker = new Worker(new URL('./support/oversized-upload.ts', import.meta.url), {
    workerData,
  });
  try {
    const [answer] = (await once(worker, 'message')) as [UploadAnswer];
    return answer;
  } finally {
    await worker.terminate();
  }
}

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;

    beforeAll(async () => {
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      await site?.stop();
    });

    const ways = [
      ['/api/reports', 'application/json'],
      ['/report/', 'application/x-www-form-urlencoded'],
    ] as const;
    for (const [path, type] of ways) {
      for (const chunked of [false, true]) {
        it(`answers 10 MB posted to ${path} ${chunked ? 'in chunks' : 'with Content-Length'} 413 every time, with the site's headers, and stores nothing`, async () => {
          const before = await site.stored();
          const answers: UploadAnswer[] = [];
          for (let attempt = 0; attempt < attempts; attempt += 1)
            answers.push(await upload(site, path, type, chunked));
          expect(answers.map((answer) => ('lost' in answer ? answer.lost : answer.status))).toEqual(
            Array(attempts).fill(413),
          );
          for (const answer of answers) {
            if ('lost' in answer) continue;
            expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
            expect(answer.headers['x-content-type-options']).toBe('nosniff');
          }
          expect(await site.stored()).toEqual(before);
        });
      }
    }
  });
}

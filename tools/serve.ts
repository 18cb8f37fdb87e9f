/**
 * Serves the production build the way Netlify does: static files with netlify.toml's headers and
 * redirects, the server function, and a local Netlify Database with the migrations applied.
 *
 *   node tools/serve.ts [--port 4321] [--host 127.0.0.1] [--memory | --database postgres://…]
 *
 * --memory keeps the database in memory (tests); --database uses that Postgres instead (the
 * benchmark's real server); otherwise it lives in .netlify/db across restarts, and
 * .netlify/database.json says where it is while it runs (for `npm run desk`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { NetlifyDev } from '@netlify/dev';
import { NetlifyDB } from '@netlify/database-dev';
import { withUser } from '../src/lib/database/connection.ts';
import { migrate } from '../src/integrations/migrations.ts';
import { removeLocalDatabase, writeLocalDatabase } from './desk/local-database.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Netlify's limit on a function's request body (6 MB); this server holds no more of one in memory. */
const platformBodyLimit = 6 * 1024 * 1024;

/**
 * A request's body as the function reads it, chunk by chunk as it arrives, never buffered whole. A
 * function that stops reading (a body over its own limit) leaves the rest to discardRest, after its
 * answer; past Netlify's limit the body errors, as the platform refuses it.
 */
function requestBody(request: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = request[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let received = 0;
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) return controller.close();
      received += value.byteLength;
      if (received > platformBodyLimit)
        return controller.error(new Error('Request body over Netlify’s 6 MB limit'));
      controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    cancel() {
      request.pause();
    },
  });
}

/**
 * Reads and drops what is left of a body the function did not read, until the client stops sending
 * (the body's end, its close, 6 MB more, or 2 s without data): a connection closed with the upload
 * unread fails the client's next write, and the client loses the answer it was sent (a lingering
 * close, RFC 9112 §9.6).
 */
function discardRest(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    // A client already gone sends nothing more.
    if (request.destroyed) return resolve();
    let left = platformBodyLimit;
    const stop = () => {
      clearTimeout(idle);
      request.off('readable', discard).off('end', stop).off('close', stop).off('error', stop);
      resolve();
    };
    const idle = setTimeout(stop, 2_000);
    // read(), not resume(): the body's iterator still listens for 'readable', which keeps a paused stream from flowing.
    const discard = () => {
      let chunk: Buffer | null;
      while ((chunk = request.read() as Buffer | null) !== null) {
        idle.refresh();
        if ((left -= chunk.byteLength) <= 0) return stop();
      }
    };
    request.on('readable', discard).on('end', stop).on('close', stop).on('error', stop);
    discard();
  });
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Keep the database in memory instead of under .netlify/db. */
  memory?: boolean;
  /** Use this Postgres (a real server, say) instead of starting the embedded one; migrations are applied to it. */
  databaseUrl?: string;
  /** The project whose build is served: another copy of this one, built with other content (tests). */
  root?: string;
  quiet?: boolean;
}

export interface RunningSite {
  url: string;
  /** Connection string of the site's database, with a user name so any Postgres client accepts it. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function serve({
  port = 4321,
  host = '127.0.0.1',
  memory = false,
  databaseUrl: givenDatabase,
  root = projectRoot,
  quiet = false,
}: ServeOptions = {}): Promise<RunningSite> {
  const log = quiet ? () => {} : console.log;
  root = root.endsWith('/') ? root : `${root}/`;
  const database = givenDatabase
    ? undefined
    : new NetlifyDB({ logger: () => {}, ...(memory ? {} : { directory: `${root}.netlify/db` }) });
  const databaseUrl = givenDatabase ?? withUser(await database!.start());
  const applied = await migrate(databaseUrl);
  if (applied.length > 0) log(`Applied database migrations: ${applied.join(', ')}`);
  process.env['NETLIFY_DB_URL'] = databaseUrl;
  process.env['NETLIFY_DB_DRIVER'] = 'server';

  const netlify = new NetlifyDev({
    projectRoot: root,
    skipGitignore: true,
    logger: { log, warn: console.warn, error: console.error },
    serverAddress: null,
    aiGateway: { enabled: false },
    blobs: { enabled: false },
    database: { enabled: false },
    edgeFunctions: { enabled: false },
    environmentVariables: { enabled: false },
    geolocation: { enabled: false },
    images: { enabled: false },
  });
  await netlify.start();
  // @netlify/dev runs functions from netlify/functions only; Astro's adapter writes its one function
  // to .netlify/v1/functions/ssr. As on Netlify, it answers whatever no static file or redirect does.
  const functionPath = `${root}.netlify/v1/functions/ssr/ssr.mjs`;
  if (!existsSync(functionPath))
    throw new Error(`${functionPath} is missing: run \`npm run build\` first.`);
  const { default: siteFunction } = (await import(pathToFileURL(functionPath).href)) as {
    default: (request: Request, context: { ip: string }) => Promise<Response>;
  };

  let url = '';
  const server: Server = createServer(async (request, response) => {
    try {
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      // The address the client asked for (localhost or 127.0.0.1), as Netlify passes it on, so Origin checks compare like with like.
      const webRequest = new Request(
        new URL(request.url ?? '/', `http://${request.headers.host ?? new URL(url).host}`),
        {
          method: request.method ?? 'GET',
          headers: Object.entries(request.headers).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(
              (one): [string, string] => [name, one],
            ),
          ),
          body: hasBody ? requestBody(request) : null,
          // A streamed body needs duplex 'half' (fetch standard); TypeScript's DOM types do not list it yet.
          duplex: 'half',
        } as RequestInit,
      );
      // Netlify serves files and redirects to reads; anything with a body goes to the function as it arrives.
      const match = hasBody
        ? undefined
        : await netlify.handleAndIntrospect(webRequest, { serverAddress: url });
      // Netlify takes the client address from the connection; tests name one with X-Forwarded-For.
      const forwarded = request.headers['x-forwarded-for'];
      const ip =
        (typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined) ||
        request.socket.remoteAddress ||
        '';
      const answer = match?.response ?? (await siteFunction(webRequest, { ip }));
      const headers = new Headers(answer.headers);
      // Netlify's CDN compresses text; so does this server, so sizes measured here match production.
      const compress =
        answer.body !== null &&
        !headers.has('content-encoding') &&
        /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') &&
        /^(text\/|application\/(json|javascript|xml|problem\+json|manifest\+json)|image\/svg)/.test(
          headers.get('content-type') ?? '',
        );
      // Netlify answers a function's response whole, not streamed: so does this server, in one write.
      let body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
      if (body && compress) {
        body = gzipSync(body);
        headers.set('content-encoding', 'gzip');
        headers.append('vary', 'Accept-Encoding');
      }
      if (body) headers.set('content-length', String(body.byteLength));
      if (answer.statusText) response.statusMessage = answer.statusText;
      // A body the function did not read to the end is not kept for another request: the connection closes after the answer.
      const unread = hasBody && !request.complete;
      if (unread) headers.set('connection', 'close');
      response.writeHead(answer.status, [...headers].flat());
      if (unread) {
        // The answer goes out now; the end, which closes the connection, waits until the client has stopped sending.
        if (body) response.write(body);
        else response.flushHeaders();
        await discardRest(request);
        response.end();
      } else response.end(body);
    } catch (error) {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  log(`Serving the production build at ${url}`);
  // Only the checkout's own lasting database is the one `npm run desk` should find.
  const announced = database !== undefined && !memory;
  if (announced) writeLocalDatabase(root, databaseUrl);
  return {
    url,
    databaseUrl,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await netlify.stop();
      if (announced) removeLocalDatabase(root);
      await database?.stop();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      memory: { type: 'boolean' },
      database: { type: 'string' },
    },
  });
  const site = await serve({
    port: Number(values.port ?? process.env['PORT'] ?? 4321),
    ...(values.host ? { host: values.host } : {}),
    ...(values.database ? { databaseUrl: values.database } : {}),
    memory: values.memory ?? false,
  });
  const shutdown = () => void site.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

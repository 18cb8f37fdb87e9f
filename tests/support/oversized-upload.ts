/**
 * A client that uploads an oversized body, run on its own thread as every real client is (the
 * server's close lands while it writes, not between its turns): it writes as fast as the socket
 * accepts, in small pieces, stops at the first bytes of an answer and posts the answer's head.
 * Run by Node itself in a worker, so only node: modules and erasable TypeScript.
 */
import { connect } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

export interface Upload {
  url: string;
  path: string;
  type: string;
  chunked: boolean;
  size: number;
}

/** The status and headers of an answer, or how it was lost (the socket's error code). */
export type UploadAnswer = { status: number; headers: Record<string, string> } | { lost: string };

const { url, path, type, chunked, size } = workerData as Upload;
const piece = Buffer.alloc(1024, 'x');
const framed = Buffer.concat([
  Buffer.from(`${piece.byteLength.toString(16)}\r\n`),
  piece,
  Buffer.from('\r\n'),
]);
const { hostname, port, host } = new URL(url);
const socket = connect(Number(port), hostname);
let received = Buffer.alloc(0);
let answered = false;
const finish = (answer: UploadAnswer) => {
  if (answered) return;
  answered = true;
  parentPort!.postMessage(answer);
  socket.destroy();
};
let sent = 0;
// 64 KB at a time, then a turn of the event loop, so an answer is seen as soon as it arrives.
const send = () => {
  for (let turn = 0; turn < 64 && received.byteLength === 0 && sent < size; turn += 1) {
    sent += piece.byteLength;
    if (!socket.write(chunked ? framed : piece)) return void socket.once('drain', send);
  }
  if (received.byteLength > 0) return;
  if (sent < size) setImmediate(send);
  else if (chunked) socket.write('0\r\n\r\n');
};
socket.on('connect', () => {
  const framing = chunked ? 'transfer-encoding: chunked' : `content-length: ${size}`;
  socket.write(
    `POST ${path} HTTP/1.1\r\nhost: ${host}\r\norigin: ${url}\r\ncontent-type: ${type}\r\n${framing}\r\n\r\n`,
  );
  send();
});
socket.on('data', (data) => {
  received = Buffer.concat([received, data]);
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return;
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(':')).trim().toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  finish({ status: Number(statusLine.split(' ')[1]), headers });
});
// Write errors (EPIPE, ECONNRESET) once an answer has begun to arrive are the client's own business.
socket.on('error', (error: NodeJS.ErrnoException) => {
  if (received.byteLength === 0) finish({ lost: error.code ?? error.message });
});
socket.on('close', () =>
  finish({ lost: received.byteLength === 0 ? 'closed' : 'closed within the head' }),
);

// Streams for running a command in-process: one that records each write, one that drops them.
import { Writable } from 'node:stream';

/** A stdout that keeps every write as it came (strings as written, not re-chunked). */
export function recordingStream(): { stream: NodeJS.WritableStream; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  return { stream, writes };
}

/** A stream that discards what is written to it. */
export function discardingStream(): NodeJS.WritableStream {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

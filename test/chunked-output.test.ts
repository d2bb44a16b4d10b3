// Output gathered into chunks: lint's JSON is made a file at a time, but written to stdout in
// chunks, as each write to a pipe or file is a system call (through a pipe, the bench corpus's
// 4,440 writes cost about 0.1 s).
import { describe, expect, it } from 'vitest';
import { ChunkedOutput } from '../src/cli/chunked-output.js';
import { runLint } from '../src/cli/lint-command.js';
import { repoRoot } from './helpers/cli.js';
import { discardingStream, recordingStream } from './helpers/streams.js';

describe('ChunkedOutput', () => {
  it('writes once the gathered text reaches the chunk size, the pieces joined in order', () => {
    const writes: string[] = [];
    const output = new ChunkedOutput((chunk) => writes.push(chunk), 10);
    output.write('abcd');
    output.write('efgh');
    expect(writes).toEqual([]);
    output.write('ij');
    expect(writes).toEqual(['abcdefghij']);
    output.write('k');
    output.write('lmnopqrstuvwxyz');
    expect(writes).toEqual(['abcdefghij', 'klmnopqrstuvwxyz']);
  });

  it('flush writes what is left, and nothing when nothing is', () => {
    const writes: string[] = [];
    const output = new ChunkedOutput((chunk) => writes.push(chunk), 10);
    output.flush();
    expect(writes).toEqual([]);
    output.write('abc');
    output.flush();
    output.flush();
    expect(writes).toEqual(['abc']);
  });
});

describe('lint --format json on stdout', () => {
  it('is written in chunks, not a write per file, and is the same JSON', async () => {
    const { stream: stdout, writes } = recordingStream();
    const code = await runLint(['corpus/'], { format: 'json' }, { cwd: repoRoot, stdout: stdout as never, stderr: discardingStream() as never });
    expect(code).toBe(1);
    // The corpus's five files and the summary come to well under one chunk: one write.
    expect(writes).toHaveLength(1);
    const report = JSON.parse(writes[0]!) as { files: Array<{ path: string }>; summary: { files: number } };
    expect(report.files.map((f) => f.path)).toEqual([
      'corpus/children-england-childrens-trusts-2010.txt',
      'corpus/cypnow-outsourcing-childrens-services-responses.txt',
      'corpus/dpulo-blog-social-enterprise-in-health.txt',
      'corpus/esrc-festival-mixed-economy-of-welfare-2008.txt',
      'corpus/social-enterprise-coalition-childrens-trusts-2008.txt',
    ]);
    expect(report.summary.files).toBe(5);
  });
});

// `canvass extract` writes json, jsonl and csv a document at a time, so a corpus of any size is
// extracted without holding every document: run in-process on the bundled corpus, stdout
// records each write. The bytes are those of the whole-report layout (JSON.stringify with an
// indent of 2; one CSV header), which the end-to-end tests in cli-extract.test.ts check in detail.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../src/cli/extract-command.js';
import { repoRoot } from './helpers/cli.js';
import { discardingStream, recordingStream } from './helpers/streams.js';

const documents = readdirSync(join(repoRoot, 'corpus')).filter((f) => f.endsWith('.txt')).sort();

async function extractWrites(format: string): Promise<{ code: number; writes: string[] }> {
  const { stream: stdout, writes } = recordingStream();
  const code = await runExtract(['corpus/'], { format }, { cwd: repoRoot, stdout: stdout as never, stderr: discardingStream() as never });
  return { code, writes };
}

describe('extract output written a document at a time', () => {
  it('json: one write per document, then the problems and summary; the whole is JSON.stringify’s layout', async () => {
    const { code, writes } = await extractWrites('json');
    expect(code).toBe(0);
    expect(documents).toHaveLength(5);
    expect(writes).toHaveLength(documents.length + 1);
    // Each write before the last holds one document, in order.
    writes.slice(0, -1).forEach((chunk, i) => {
      expect(chunk.match(/^ {6}"path": /gm)).toEqual(['      "path": ']);
      expect(chunk).toContain(`"path": "corpus/${documents[i]}"`);
    });
    expect(writes.at(-1)).toMatch(/^\n {2}\],\n {2}"problems": \[\],\n {2}"summary": \{/);
    const whole = writes.join('');
    const report = JSON.parse(whole) as { documents: unknown[]; summary: { documents: number; recommendations: number } };
    expect(whole).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(report.summary.documents).toBe(5);
  });

  it('jsonl and csv: each document’s rows as it is done; csv has one header, first', async () => {
    const json = JSON.parse((await extractWrites('json')).writes.join('')) as {
      documents: Array<{ responses: Array<{ recommendations: unknown[] }> }>;
      summary: { recommendations: number };
    };
    // Documents with at least one recommendation: each gets a write of its own.
    const withRows = json.documents.filter((d) => d.responses.some((r) => r.recommendations.length > 0)).length;
    expect(withRows).toBeGreaterThan(1);

    const jsonl = await extractWrites('jsonl');
    expect(jsonl.writes).toHaveLength(withRows);
    expect(jsonl.writes.join('').split('\n').filter(Boolean)).toHaveLength(json.summary.recommendations);

    const csv = await extractWrites('csv');
    expect(csv.writes).toHaveLength(withRows);
    const whole = csv.writes.join('');
    expect(whole.match(/^path,kind,respondent,/gm)).toHaveLength(1);
    expect(whole.startsWith('path,kind,respondent,question,')).toBe(true);
    expect(parseCsv(whole, { columns: true })).toHaveLength(json.summary.recommendations);
  });
});

// Reading ahead on a worker thread (src/ingest/read-ahead.ts). The worker runs compiled code: the
// test names dist/'s worker (`npm test` builds first), which the CLI finds beside the module.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAhead, READ_AHEAD_FROM, READ_AHEAD_MIN_FILES } from '../src/ingest/read-ahead.js';
import { readSource } from '../src/ingest/read.js';
import { compileRuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { repoRoot } from './helpers/cli.js';
import { lintInput } from '../src/cli/lint-file.js';
import { RuleSetResolver } from '../src/config/rule-sets.js';
import { Scanner } from '../src/lint/scanner.js';
import { corpusDocuments } from './helpers/corpus.js';

const worker = new URL('../dist/src/ingest/read-ahead-worker.js', import.meta.url);
let root: string;
const paths: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'canvass-read-ahead-'));
  for (let i = 0; i < 600; i++) {
    const path = join(root, `f${String(i).padStart(3, '0')}.txt`);
    paths.push(path);
    if (i === 300) continue; // missing
    if (i === 400) mkdirSync(path); // a directory where a file was expected
    // File 500 is larger than a batch's 1 MB.
    else writeFileSync(path, i === 500 ? 'x'.repeat(1_500_000) : `File ${i}: ‘quoted’.\n`);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ReadAhead', () => {
  it('is not started for a short list', async () => {
    expect(READ_AHEAD_MIN_FILES).toBe(512);
    expect(await ReadAhead.start(paths.slice(0, 511), { script: worker })).toBeUndefined();
  });

  it('leaves the first files to the caller, then gives every file in order: its bytes or its error', async () => {
    const ahead = (await ReadAhead.start(paths, { script: worker }))!;
    try {
      expect(READ_AHEAD_FROM).toBe(256);
      for (let i = 0; i < 600; i++) {
        const got = await ahead.take(i);
        if (i < 256) {
          expect(got).toBeUndefined();
        } else if (i === 300 || i === 400) {
          expect(got && 'error' in got).toBe(true);
          const error = (got as { error: NodeJS.ErrnoException }).error;
          expect(error.code).toBe(i === 300 ? 'ENOENT' : 'EISDIR');
          expect(error.message).toContain(i === 300 ? 'no such file or directory' : 'illegal operation on a directory');
        } else if (i === 500) {
          expect((got as { bytes: Uint8Array }).bytes.byteLength).toBe(1_500_000);
        } else {
          expect(Buffer.from((got as { bytes: Uint8Array }).bytes).toString('utf8')).toBe(`File ${i}: ‘quoted’.\n`);
        }
      }
      // Past the end: an error, not a wait for ever.
      await expect(ahead.take(600)).rejects.toThrow('read-ahead: file 600 asked for past the end of the list');
    } finally {
      await ahead.close();
    }
  });

  it('refuses a file asked for out of order', async () => {
    const ahead = (await ReadAhead.start(paths, { script: worker }))!;
    try {
      await ahead.take(256);
      await expect(ahead.take(258)).rejects.toThrow('read-ahead: file 258 asked for out of order');
    } finally {
      await ahead.close();
    }
  });
});

describe('ReadAhead with a scanner', () => {
  it('sends each file that decodes with the hits the scanner finds in its text; a binary file with its bytes only', async () => {
    const dir = join(root, 'scan');
    mkdirSync(dir);
    const documents = corpusDocuments();
    const texts: string[] = [];
    const scanPaths: string[] = [];
    for (let i = 0; i < 600; i++) {
      const path = join(dir, `d${String(i).padStart(3, '0')}.txt`);
      scanPaths.push(path);
      const text = documents[i % documents.length]!.text;
      texts.push(text);
      writeFileSync(path, i === 450 ? Buffer.from([0x41, 0, 0x42]) : text);
    }
    const ruleSet = compileRuleSet([await resolvePack('third-sector', repoRoot)]);
    const ahead = (await ReadAhead.start(scanPaths, { script: worker, scanner: async () => ruleSet.scanner }))!;
    try {
      for (let i = READ_AHEAD_FROM; i < 600; i++) {
        const got = (await ahead.take(i)) as { bytes: Uint8Array; hits?: { scanner: unknown; flat: Int32Array } };
        if (i === 450) {
          expect(got.hits).toBeUndefined();
          expect([...got.bytes]).toEqual([0x41, 0, 0x42]);
          continue;
        }
        expect(Buffer.from(got.bytes).toString('utf8')).toBe(texts[i]);
        expect(got.hits!.scanner).toBe(ruleSet.scanner);
        expect(ruleSet.scanner.hitsFrom(got.hits!.flat)).toEqual(ruleSet.scanner.scan(texts[i]!));
      }
    } finally {
      await ahead.close();
    }
  });
});

describe('readSource with bytes read ahead', () => {
  it('decodes the bytes given, without reading the file', async () => {
    const bytes = new TextEncoder().encode('\ufeffRead ahead.\n');
    const r = await readSource({ kind: 'file', path: 'not-on-disk.txt' }, { cwd: root, preRead: { bytes } });
    expect(r).toMatchObject({ ok: true, source: { path: 'not-on-disk.txt', text: 'Read ahead.\n', bom: true, byteLength: 15 } });
  });

  it('reports the error the read met, as a read of its own would', async () => {
    const error = Object.assign(new Error("EISDIR: illegal operation on a directory, read"), { code: 'EISDIR' });
    const r = await readSource({ kind: 'file', path: 'f400.txt' }, { cwd: root, preRead: { error } });
    expect(r).toEqual({ ok: false, path: 'f400.txt', problem: { severity: 'error', message: 'cannot read file: is a directory (EISDIR)' } });
    const own = await readSource({ kind: 'file', path: 'f400.txt' }, { cwd: root });
    expect(own).toEqual(r);
  });
});

describe('lintInput with hits found ahead', () => {
  const text = 'The voluntary sector, including social enterprises, delivers services.\n';
  const bytes = new TextEncoder().encode(text);
  const ref = { kind: 'file' as const, path: 'ahead.txt' };
  const job = { cwd: repoRoot, explicit: [] };

  it('uses the hits when they were found with the file\'s own scanner, and scans itself otherwise', async () => {
    const resolver = new RuleSetResolver({ cwd: repoRoot, packs: ['third-sector'] });
    const { ruleSet } = await resolver.forFile(join(repoRoot, 'ahead.txt'));
    const findings = async (preRead: Parameters<typeof lintInput>[4]) =>
      (await lintInput(ref, resolver, job, undefined, preRead))!.findings.map((f) => [f.ruleId, f.line, f.column]);
    // Its own scanner's hits: what the worker found is what is linted.
    const flat = ruleSet!.scanner.scanFlat(text);
    expect(await findings({ bytes, hits: { scanner: ruleSet!.scanner, flat } })).toEqual([['third-sector/voluntary-for-third', 1, 5]]);
    // No hits from its own scanner: nothing to lint, so the hits given were used, not a scan of its own.
    expect(await findings({ bytes, hits: { scanner: ruleSet!.scanner, flat: new Int32Array(0) } })).toEqual([]);
    // Hits from another scanner (another config's rules) are not used: the file is scanned here.
    expect(await findings({ bytes, hits: { scanner: new Scanner(), flat: new Int32Array(0) } })).toEqual([['third-sector/voluntary-for-third', 1, 5]]);
  });
});

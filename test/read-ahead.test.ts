// Reading ahead on a worker thread (src/ingest/read-ahead.ts). The worker runs compiled code: the
// test names dist/'s worker (`npm test` builds first), which the CLI finds beside the module.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAhead, READ_AHEAD_FROM, READ_AHEAD_MIN_FILES } from '../src/ingest/read-ahead.js';
import { readSource } from '../src/ingest/read.js';
import { compileRuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { repoRoot } from './helpers/cli.js';
import type { Comparison } from '../src/compare/types.js';
import { lintInput } from '../src/cli/lint-file.js';
import type { FileResult } from '../src/lint/finding.js';
import { RuleSetResolver } from '../src/config/rule-sets.js';
import { Scanner } from '../src/lint/scanner.js';
import { corpusDocuments } from './helpers/corpus.js';
import { createDocument } from '../src/document/document.js';
import { loadMarkdownParser } from '../src/document/markdown-parse.js';
import { lintDocument } from '../src/lint/lint-document.js';
import { ruleSetFingerprint } from '../src/lint/lint-ahead.js';
import { makeTempDir, removeTempDirs, runCli } from './helpers/cli.js';

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

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  removeTempDirs();
});

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

describe('ReadAhead with lint rules (compare)', () => {
  // 600 copies of the corpus documents, linted on the worker with the rules of a file in the
  // corpus folder (its config: the third-sector pack).
  let dir: string;
  const lintPaths: string[] = [];
  const texts: string[] = [];
  const resolverOptions = { cwd: repoRoot };
  const rulesOf = join(repoRoot, 'corpus', 'children-england-childrens-trusts-2010.txt');

  beforeAll(() => {
    dir = join(root, 'lint');
    mkdirSync(dir);
    const documents = corpusDocuments();
    for (let i = 0; i < 600; i++) {
      const path = join(dir, `d${String(i).padStart(3, '0')}.txt`);
      lintPaths.push(path);
      texts.push(documents[i % documents.length]!.text);
      writeFileSync(path, texts[i]!);
    }
  });

  it('sends each file with the findings its rules give it, as the main thread would lint it', async () => {
    const { ruleSet } = await new RuleSetResolver(resolverOptions).forFile(rulesOf);
    const lint = { resolver: resolverOptions, path: rulesOf, fingerprint: ruleSetFingerprint(ruleSet!) };
    const ahead = (await ReadAhead.start(lintPaths, { script: worker, scanner: async () => ruleSet!.scanner, lint }))!;
    await loadMarkdownParser();
    let linted = 0;
    let found = 0;
    try {
      for (let i = READ_AHEAD_FROM; i < 600; i++) {
        const got = (await ahead.take(i)) as { bytes: Uint8Array; hits: { flat: Int32Array }; findings?: unknown[] };
        expect(got.hits.flat.length).toBeGreaterThan(0);
        // The first files can come before the worker's Markdown parser has loaded: those the main
        // thread lints itself.
        if (!got.findings) continue;
        linted++;
        found += got.findings.length;
        const text = texts[i]!;
        expect(got.findings).toEqual(lintDocument(createDocument(lintPaths[i]!, text), ruleSet!, ruleSet!.scanner.scan(text)));
      }
    } finally {
      await ahead.close();
    }
    expect(linted).toBeGreaterThan(300); // of 344
    expect(found).toBeGreaterThan(linted); // the corpus has 34 findings in 5 documents
  });

  it('checks the rules by a fingerprint that any change to what the findings depend on changes', async () => {
    const pack = await resolvePack('third-sector', repoRoot);
    const fingerprint = (options: Parameters<typeof compileRuleSet>[1] = {}) => ruleSetFingerprint(compileRuleSet([pack], options));
    expect(fingerprint()).toBe(fingerprint());
    expect(fingerprint({ knownAcronyms: ['CYPP'] })).not.toBe(fingerprint());
    expect(fingerprint({ severities: { 'third-sector/voluntary-for-third': 'warning' } })).not.toBe(fingerprint());
    expect(fingerprint({ severities: { 'third-sector/voluntary-for-third': 'off' } })).not.toBe(fingerprint());
  });

  it('lints nothing when the rules it compiles are not the main thread\'s', async () => {
    const { ruleSet } = await new RuleSetResolver(resolverOptions).forFile(rulesOf);
    // The main thread's rules came from another config (here: the uk-spelling pack).
    const other = (await new RuleSetResolver({ cwd: repoRoot, packs: ['uk-spelling'] }).forFile(rulesOf)).ruleSet!;
    const lint = { resolver: resolverOptions, path: rulesOf, fingerprint: ruleSetFingerprint(other) };
    const ahead = (await ReadAhead.start(lintPaths, { script: worker, scanner: async () => ruleSet!.scanner, lint }))!;
    try {
      for (let i = READ_AHEAD_FROM; i < 600; i++) {
        const got = (await ahead.take(i)) as { hits?: unknown; findings?: unknown };
        expect(got.hits).toBeDefined();
        expect(got.findings).toBeUndefined();
      }
    } finally {
      await ahead.close();
    }
  });
});

describe('compare over two folders with different rules, read ahead', () => {
  it("gives each file its own folder's findings, not those of the rules the worker lints with", () => {
    // 300 copies of the corpus in a/ (third-sector pack), then 300 in b/ (uk-spelling pack): the
    // worker lints every file with a/'s rules; b/'s files (all past READ_AHEAD_FROM) must not take them.
    const work = makeTempDir('canvass-compare-two-configs-');
    const documents = corpusDocuments();
    for (const [folder, pack] of [['a', 'third-sector'], ['b', 'uk-spelling']] as const) {
      mkdirSync(join(work, folder));
      writeFileSync(join(work, folder, '.canvass.yaml'), `packs: [${pack}]\n`);
      for (let i = 0; i < 300; i++) writeFileSync(join(work, folder, `d${String(i).padStart(3, '0')}-${documents[i % 5]!.name}`), documents[i % 5]!.text);
    }
    const run = runCli(['compare', 'a', 'b', '--out', 'out.json'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as Comparison;
    const pathOf = new Map(json.documents.map((d) => [d.id, d.path]));
    const inFolder = (folder: string, doc: string) =>
      json.findings.filter((f) => pathOf.get(f.documentId)!.startsWith(`${folder}/`) && pathOf.get(f.documentId)!.endsWith(doc));
    expect(json.documents).toHaveLength(600);
    // b/: the one uk-spelling finding in the corpus, in each of the 60 copies of Children England's
    // response: 'coordinated' at 31:175 beside 'co-ordinating' at 74.
    const bFindings = json.findings.filter((f) => pathOf.get(f.documentId)!.startsWith('b/'));
    expect(bFindings).toHaveLength(60);
    for (const f of bFindings) {
      expect(pathOf.get(f.documentId)).toMatch(/^b\/d\d{3}-children-england-childrens-trusts-2010\.txt$/);
      expect([f.ruleId, f.line, f.column, f.match]).toEqual(['uk-spelling/co-ordinate', 31, 175, 'coordinated']);
    }
    // a/: the third-sector pack's findings, in the copies the worker linted as in the first ones.
    const ce = inFolder('a', 'children-england-childrens-trusts-2010.txt');
    const voluntary = ce.filter((f) => f.ruleId === 'third-sector/voluntary-for-third');
    expect(voluntary.map((f) => f.line)).toEqual(Array.from({ length: 60 }, () => [42, 47, 65, 74]).flat());
    expect(json.findings.filter((f) => pathOf.get(f.documentId)!.startsWith('a/'))).toHaveLength(60 * 34);
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
      (await lintInput(ref, resolver, job, undefined, preRead) as FileResult).findings.map((f) => [f.ruleId, f.line, f.column]);
    // Its own scanner's hits: what the worker found is what is linted.
    const flat = ruleSet!.scanner.scanFlat(text);
    expect(await findings({ bytes, hits: { scanner: ruleSet!.scanner, flat } })).toEqual([['third-sector/voluntary-for-third', 1, 5]]);
    // No hits from its own scanner: nothing to lint, so the hits given were used, not a scan of its own.
    expect(await findings({ bytes, hits: { scanner: ruleSet!.scanner, flat: new Int32Array(0) } })).toEqual([]);
    // Hits from another scanner (another config's rules) are not used: the file is scanned here.
    expect(await findings({ bytes, hits: { scanner: new Scanner(), flat: new Int32Array(0) } })).toEqual([['third-sector/voluntary-for-third', 1, 5]]);
  });
});

// Ingest against real files in a temp dir: discovery (dirs, globs, ignore, dedupe, order) and decoding.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverInputs, resolvePath } from '../src/ingest/discover.js';
import { decodeBytes, decodeWindows1252, firstInvalidUtf8 } from '../src/ingest/decode.js';
import { readSource } from '../src/ingest/read.js';
import type { InputRef } from '../src/ingest/source.js';

let root: string;
const isRoot = process.getuid?.() === 0;

function write(rel: string, content: string | Uint8Array = 'text\n') {
  const abs = join(root, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, content);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'canvass-ingest-'));
  write('corpus/a.txt');
  write('corpus/b.md');
  write('corpus/C.MARKDOWN');
  write('corpus/notes.docx');
  write('corpus/.hidden.md');
  write('corpus/sub/d.txt');
  write('corpus/sub/old.bak.md');
  write('corpus/drafts/g.md');
  write('corpus/.git/e.md');
  write('corpus/node_modules/pkg/f.md');
  write('other/x.md');
  write('[draft].md');
  mkdirSync(join(root, 'empty-dir/nested'), { recursive: true });
  write('empty-dir/nested/readme.docx');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (refs: InputRef[]) => refs.map((r) => (r.kind === 'file' ? r.path : '-'));

describe('discoverInputs', () => {
  it('walks a directory for .txt/.md/.markdown, skipping dot-entries and node_modules, sorted', async () => {
    const result = await discoverInputs(['corpus'], { cwd: root, ignore: [] });
    expect(files(result.files)).toEqual([
      'corpus/C.MARKDOWN',
      'corpus/a.txt',
      'corpus/b.md',
      'corpus/drafts/g.md',
      'corpus/sub/d.txt',
      'corpus/sub/old.bak.md',
    ]);
    expect(result.problems).toEqual([]);
  });

  it('applies ignore patterns by relative path, base name and parent directory', async () => {
    const byPath = await discoverInputs(['corpus'], { cwd: root, ignore: ['corpus/drafts/**', '*.bak.md'] });
    expect(files(byPath.files)).toEqual(['corpus/C.MARKDOWN', 'corpus/a.txt', 'corpus/b.md', 'corpus/sub/d.txt']);
    const byDirName = await discoverInputs(['corpus'], { cwd: root, ignore: ['drafts/', './corpus/sub'] });
    expect(files(byDirName.files)).toEqual(['corpus/C.MARKDOWN', 'corpus/a.txt', 'corpus/b.md']);
  });

  it('expands globs with fast-glob (no dot-files, no node_modules) and filters them by ignore', async () => {
    const all = await discoverInputs(['corpus/**/*.md'], { cwd: root, ignore: [] });
    expect(files(all.files)).toEqual(['corpus/b.md', 'corpus/drafts/g.md', 'corpus/sub/old.bak.md']);
    const ignored = await discoverInputs(['corpus/**/*.md'], { cwd: root, ignore: ['*.bak.md', 'drafts'] });
    expect(files(ignored.files)).toEqual(['corpus/b.md']);
    const braces = await discoverInputs(['{other,corpus}/*.{md,docx}'], { cwd: root, ignore: [] });
    expect(files(braces.files)).toEqual(['corpus/b.md', 'corpus/notes.docx', 'other/x.md']);
  });

  it('always includes explicitly named files, whatever the extension or ignore patterns', async () => {
    const result = await discoverInputs(['corpus/notes.docx', 'corpus/sub/old.bak.md', '[draft].md'], {
      cwd: root,
      ignore: ['*.bak.md', '*.docx', '*.md'],
    });
    expect(files(result.files)).toEqual(['corpus/notes.docx', 'corpus/sub/old.bak.md', '[draft].md']);
    expect(result.problems).toEqual([]);
  });

  it('reports missing paths, empty globs and directories without text files', async () => {
    const result = await discoverInputs(['drafts/missing.md', 'responses/*.docx', 'empty-dir', 'other'], {
      cwd: root,
      ignore: [],
    });
    expect(files(result.files)).toEqual(['other/x.md']);
    expect(result.problems).toEqual([
      { input: 'drafts/missing.md', message: "no such file or directory: 'drafts/missing.md'" },
      { input: 'responses/*.docx', message: "no files match the pattern 'responses/*.docx'" },
      {
        input: 'empty-dir',
        message:
          "no .txt, .md or .markdown files found in 'empty-dir/' (it holds .docx files: name files on the command line, for example 'empty-dir/**/*.docx', to read them whatever their extension)",
      },
    ]);
  });

  it('says so when everything found was ignored', async () => {
    const result = await discoverInputs(['other', 'other/*.md', 'corpus/drafts/'], {
      cwd: root,
      ignore: ['x.md', 'corpus/drafts'],
    });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      { input: 'other', message: "no .txt, .md or .markdown files found in 'other/' that are not ignored by --ignore" },
      { input: 'other/*.md', message: "all files matching the pattern 'other/*.md' are ignored by --ignore" },
      { input: 'corpus/drafts/', message: "no .txt, .md or .markdown files found in 'corpus/drafts/' that are not ignored by --ignore" },
    ]);
    expect(result.walked).toEqual([]);
  });

  it('lists each folder and glob that yielded files, with its files (also those an earlier input gave first)', async () => {
    const result = await discoverInputs(['corpus/sub', 'corpus/a.txt', 'corpus', 'other/*.md'], {
      cwd: root,
      ignore: ['g.md'],
    });
    expect(files(result.files)).toEqual([
      'corpus/sub/d.txt',
      'corpus/sub/old.bak.md',
      'corpus/a.txt',
      'corpus/C.MARKDOWN',
      'corpus/b.md',
      'other/x.md',
    ]);
    const folder = (dir: string) => `no .txt, .md or .markdown files found in '${dir}/' that are not ignored`;
    expect(result.walked).toEqual([
      { input: 'corpus/sub', files: [0, 1], ignoredByOption: false, allIgnored: folder('corpus/sub') },
      // corpus/drafts/g.md was left out by --ignore.
      { input: 'corpus', files: [3, 2, 4, 0, 1], ignoredByOption: true, allIgnored: folder('corpus') },
      { input: 'other/*.md', files: [5], ignoredByOption: false, allIgnored: "all files matching the pattern 'other/*.md' are ignored" },
    ]);
  });

  it('keeps input order, sorts within a directory, dedupes by resolved path and takes stdin once', async () => {
    const result = await discoverInputs(['corpus/b.md', 'other', '-', './corpus', 'corpus/*.txt', '-', 'other/x.md'], {
      cwd: root,
      ignore: [],
    });
    expect(result.files).toEqual([
      { kind: 'file', path: 'corpus/b.md' },
      { kind: 'file', path: 'other/x.md' },
      { kind: 'stdin' },
      { kind: 'file', path: 'corpus/C.MARKDOWN' },
      { kind: 'file', path: 'corpus/a.txt' },
      { kind: 'file', path: 'corpus/drafts/g.md' },
      { kind: 'file', path: 'corpus/sub/d.txt' },
      { kind: 'file', path: 'corpus/sub/old.bak.md' },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('writes paths relative to cwd for relative inputs and absolute for absolute ones', async () => {
    const cwd = join(root, 'corpus');
    const result = await discoverInputs(['../other', 'sub/', join(root, 'other'), join(root, 'corpus', 'drafts', '*.md')], {
      cwd,
      ignore: [],
    });
    expect(files(result.files)).toEqual(['../other/x.md', 'sub/d.txt', 'sub/old.bak.md', join(root, 'corpus', 'drafts', 'g.md')]);
    // other/x.md given absolutely is the same file as ../other/x.md: first occurrence wins.
    expect(resolvePath('../other/x.md', cwd)).toBe(join(root, 'other', 'x.md'));
  });

  it('honours a custom extension list', async () => {
    const result = await discoverInputs(['corpus', 'other'], { cwd: root, ignore: [], extensions: ['txt'] });
    expect(files(result.files)).toEqual(['corpus/a.txt', 'corpus/sub/d.txt']);
    expect(result.problems).toEqual([
      {
        input: 'other',
        message: "no .txt files found in 'other/' (it holds .md files: name files on the command line, for example 'other/**/*.md', to read them whatever their extension)",
      },
    ]);
  });

  it('reports broken symlinks found in a directory and still lists the rest', async () => {
    write('links/ok.md');
    symlinkSync(join(root, 'links', 'ok.md'), join(root, 'links', 'alias.md'));
    symlinkSync(join(root, 'links', 'nowhere.md'), join(root, 'links', 'broken.md'));
    const result = await discoverInputs(['links'], { cwd: root, ignore: [] });
    expect(files(result.files)).toEqual(['links/alias.md', 'links/ok.md']);
    expect(result.problems).toEqual([
      { input: 'links', message: "cannot read 'links/broken.md': no such file or directory (ENOENT)" },
    ]);
  });

  // As in a folder's walk: a link to a file is a file, a link to a folder is not gone into. A
  // glob that followed 'up -> ..' found looped/a.md, looped/up/a.md, looped/up/up/a.md, … (one
  // file dozens of times, until the path was too long), and twin/a.md beside real/a.md.
  it.skipIf(process.platform === 'win32')('expands a glob without following links to folders, keeping links to files', async () => {
    write('looped/real/a.md');
    symlinkSync(join(root, 'looped', 'real', 'a.md'), join(root, 'looped', 'alias.md'));
    symlinkSync(join(root, 'looped', 'nowhere.md'), join(root, 'looped', 'broken.md'));
    symlinkSync(join(root, 'looped', 'real'), join(root, 'looped', 'twin'));
    symlinkSync(join(root, 'looped'), join(root, 'looped', 'real', 'up'));
    const all = await discoverInputs(['looped/**/*.md'], { cwd: root, ignore: [] });
    expect(files(all.files)).toEqual(['looped/alias.md', 'looped/real/a.md']);
    // A broken link is reported, under the pattern, as a folder's walk reports it under the folder.
    expect(all.problems).toEqual([{ input: 'looped/**/*.md', message: "cannot read 'looped/broken.md': no such file or directory (ENOENT)" }]);
    // Unless it is ignored; and a pattern that matches only a broken link reports it, not "no files match".
    const ignoring = await discoverInputs(['looped/**/*.md'], { cwd: root, ignore: ['broken.md'] });
    expect(ignoring.problems).toEqual([]);
    const onlyBroken = await discoverInputs(['looped/b*.md'], { cwd: root, ignore: [] });
    expect(onlyBroken.files).toEqual([]);
    expect(onlyBroken.problems).toEqual([{ input: 'looped/b*.md', message: "cannot read 'looped/broken.md': no such file or directory (ENOENT)" }]);
    // A link named in the pattern's own folders is still read through.
    const named = await discoverInputs(['looped/twin/*.md'], { cwd: root, ignore: [] });
    expect(files(named.files)).toEqual(['looped/twin/a.md']);
  });

  it.skipIf(isRoot)('reports an unreadable directory with the reason', async () => {
    write('locked/inner/a.md');
    chmodSync(join(root, 'locked/inner'), 0o000);
    try {
      const result = await discoverInputs(['locked'], { cwd: root, ignore: [] });
      expect(result.files).toEqual([]);
      expect(result.problems).toEqual([
        { input: 'locked', message: "cannot read directory 'locked/inner/': permission denied (EACCES)" },
      ]);
    } finally {
      chmodSync(join(root, 'locked/inner'), 0o755);
    }
  });
});

describe('readSource', () => {
  const read = (path: string) => readSource({ kind: 'file', path }, { cwd: root });

  it('reads UTF-8, strips a BOM and keeps CRLF as written', async () => {
    write('enc/bom-crlf.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\r\n\r\nCafé\r\n')]));
    const result = await read('enc/bom-crlf.md');
    expect(result).toEqual({
      ok: true,
      source: {
        path: 'enc/bom-crlf.md',
        text: '# Title\r\n\r\nCafé\r\n',
        format: 'markdown',
        encoding: 'utf-8',
        bom: true,
        byteLength: 3 + 18,
        warnings: [],
      },
    });
  });

  it('falls back to Windows-1252 with a warning naming the first invalid byte', async () => {
    write('enc/cafe.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const result = await read('enc/cafe.txt');
    if (!result.ok) throw new Error('expected ok');
    expect(result.source.text).toBe('Café\n');
    expect(result.source.encoding).toBe('windows-1252');
    expect(result.source.format).toBe('text');
    expect(result.source.byteLength).toBe(5);
    expect(result.source.warnings).toEqual([
      {
        severity: 'warning',
        message:
          'not valid UTF-8 (first invalid byte at line 1, column 4); read as Windows-1252 — re-save the file as UTF-8 to silence this',
        line: 1,
        column: 4,
      },
    ]);
  });

  it('maps Windows-1252 punctuation (0x80-0x9F) to the real characters', () => {
    // Line 2: "é" as valid UTF-8 (2 bytes, read as the two characters "Ã©"), a space, then 0x93
    // (a curly quote in Windows-1252): the fourth character of line 2 of the decoded text.
    const bytes = Buffer.from([0x6f, 0x6b, 0x0a, 0xc3, 0xa9, 0x20, 0x93, 0x71, 0x94, 0x80, 0x92, 0x96]);
    const decoded = decodeBytes(bytes, 'x.txt');
    if (!decoded.ok) throw new Error('expected ok');
    expect(decoded.text).toBe('ok\n\u00c3\u00a9 \u201cq\u201d\u20ac\u2019\u2013');
    expect(decoded.warnings[0]).toMatchObject({ line: 2, column: 4 });
  });

  it('places the first invalid byte in the decoded text as findings are placed: CR, LF and CRLF each end a line', () => {
    // Lines "a", "b", "c" (ended by CR, CRLF, LF), then "d", "é" in UTF-8 (two Windows-1252
    // characters, "Ã©"), a space and the invalid 0xE9: line 4, after four characters.
    const body = [0x61, 0x0d, 0x62, 0x0d, 0x0a, 0x63, 0x0a, 0x64, 0xc3, 0xa9, 0x20, 0xe9, 0x0d];
    const warning = {
      severity: 'warning',
      message: 'not valid UTF-8 (first invalid byte at line 4, column 5); read as Windows-1252 — re-save the file as UTF-8 to silence this',
      line: 4,
      column: 5,
    };
    const plain = decodeBytes(Buffer.from(body), 'x.txt');
    expect(plain).toEqual({ ok: true, text: 'a\rb\r\nc\nd\u00c3\u00a9 \u00e9\r', encoding: 'windows-1252', bom: false, warnings: [warning] });
    // A BOM is not part of the text, so it moves nothing.
    const withBom = decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, ...body]), 'x.txt');
    expect(withBom).toMatchObject({ ok: true, bom: true, warnings: [warning] });
    // Only lone CRs: "x", "y" and then the invalid byte first on line 3.
    expect(decodeBytes(Buffer.from([0x78, 0x0d, 0x79, 0x0d, 0xe9]), 'x.txt')).toMatchObject({ warnings: [{ line: 3, column: 1 }] });
  });

  it('decodes every Windows-1252 byte per the WHATWG table', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all.length).toBe(256);
    for (let i = 0; i < 256; i++) if (i < 0x80 || i >= 0xa0) expect(all.charCodeAt(i)).toBe(i);
    expect(all.slice(0x80, 0xa0)).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
  });

  it('rejects binary files and UTF-16', async () => {
    write('enc/binary.txt', Buffer.from([0x61, 0x62, 0x63, 0x00, 0x64]));
    write('enc/utf16le.txt', Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]));
    write('enc/utf16be.md', Buffer.from([0xfe, 0xff, 0x00, 0x68]));
    expect(await read('enc/binary.txt')).toEqual({
      ok: false,
      path: 'enc/binary.txt',
      // "abc" then the NUL: line 1, column 4, as an editor shows it.
      problem: { severity: 'error', message: 'binary file (a NUL byte at line 1, column 4); canvass reads .txt and .md text files', line: 1, column: 4 },
    });
    const utf16 = { severity: 'error', message: 'UTF-16 text is not supported; re-save the file as UTF-8' };
    expect(await read('enc/utf16le.txt')).toEqual({ ok: false, path: 'enc/utf16le.txt', problem: utf16 });
    expect(await read('enc/utf16be.md')).toEqual({ ok: false, path: 'enc/utf16be.md', problem: utf16 });
  });

  it('places a NUL byte in the text as it would be read: lines end at CR, LF or CRLF, a BOM is not counted', () => {
    const nulAt = (bytes: number[]) => {
      const decoded = decodeBytes(Buffer.from(bytes), 'x.txt');
      if (decoded.ok) throw new Error('expected a binary file');
      return decoded.problem;
    };
    // BOM, "a" CR "b" CRLF "c" LF, then "é" (valid UTF-8: one character) and the NUL.
    expect(nulAt([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x62, 0x0d, 0x0a, 0x63, 0x0a, 0xc3, 0xa9, 0x00])).toEqual({
      severity: 'error',
      message: 'binary file (a NUL byte at line 4, column 2); canvass reads .txt and .md text files',
      line: 4,
      column: 2,
    });
    // Invalid UTF-8 after the NUL: the file would be read as Windows-1252, where the UTF-8 "é"
    // before it is the two characters "Ã©".
    expect(nulAt([0x61, 0x0d, 0xc3, 0xa9, 0x00, 0xe9])).toMatchObject({ line: 2, column: 3 });
  });

  it('reads an empty file as empty text', async () => {
    write('enc/empty.md', '');
    expect(await read('enc/empty.md')).toEqual({
      ok: true,
      source: { path: 'enc/empty.md', text: '', format: 'markdown', encoding: 'utf-8', bom: false, byteLength: 0, warnings: [] },
    });
  });

  it('turns read errors into problems', async () => {
    expect(await read('corpus')).toEqual({
      ok: false,
      path: 'corpus',
      problem: { severity: 'error', message: 'cannot read file: is a directory (EISDIR)' },
    });
    expect(await read('gone.txt')).toEqual({
      ok: false,
      path: 'gone.txt',
      problem: { severity: 'error', message: 'cannot read file: no such file or directory (ENOENT)' },
    });
  });

  it.skipIf(isRoot)('reports an unreadable file', async () => {
    write('enc/secret.txt');
    chmodSync(join(root, 'enc/secret.txt'), 0o000);
    const result = await read('enc/secret.txt');
    expect(result).toMatchObject({ ok: false, problem: { message: 'cannot read file: permission denied (EACCES)' } });
  });

  it('resolves relative paths against cwd and keeps the path as given', async () => {
    const result = await readSource({ kind: 'file', path: '../other/x.md' }, { cwd: join(root, 'corpus') });
    expect(result).toMatchObject({ ok: true, source: { path: '../other/x.md', text: 'text\n', format: 'markdown' } });
  });
});

describe('readSource from stdin', () => {
  it('reads all chunks as <stdin> plain text by default', async () => {
    const stdin = Readable.from([Buffer.from('Hello '), Buffer.from('world\r\n')]);
    expect(await readSource({ kind: 'stdin' }, { cwd: root, stdin })).toEqual({
      ok: true,
      source: { path: '<stdin>', text: 'Hello world\r\n', format: 'text', encoding: 'utf-8', bom: false, byteLength: 13, warnings: [] },
    });
  });

  it('takes name and format from stdinFilename and decodes across chunk boundaries', async () => {
    // "Café" in Windows-1252, and a UTF-8 "é" split between chunks.
    const stdin = Readable.from([Buffer.from([0x43, 0x61]), Buffer.from([0x66, 0xe9, 0x0a])]);
    const result = await readSource({ kind: 'stdin' }, { cwd: root, stdin, stdinFilename: 'responses/r1.md' });
    expect(result).toMatchObject({
      ok: true,
      source: { path: 'responses/r1.md', text: 'Café\n', format: 'markdown', encoding: 'windows-1252', byteLength: 5 },
    });
    const split = Readable.from([Buffer.from([0x43, 0x61, 0x66, 0xc3]), Buffer.from([0xa9])]);
    expect(await readSource({ kind: 'stdin' }, { cwd: root, stdin: split })).toMatchObject({
      ok: true,
      source: { text: 'Café', encoding: 'utf-8' },
    });
  });

  it('accepts string chunks and reports stream errors', async () => {
    expect(await readSource({ kind: 'stdin' }, { cwd: root, stdin: Readable.from(['plain ', 'text']) })).toMatchObject({
      ok: true,
      source: { text: 'plain text', byteLength: 10 },
    });
    const failing = new Readable({
      read() {
        this.destroy(new Error('stream closed'));
      },
    });
    expect(await readSource({ kind: 'stdin' }, { cwd: root, stdin: failing, stdinFilename: 'x.md' })).toEqual({
      ok: false,
      path: 'x.md',
      problem: { severity: 'error', message: 'cannot read standard input: stream closed' },
    });
  });
});

describe('decodeBytes', () => {
  it('accepts a plain Uint8Array', () => {
    expect(decodeBytes(new Uint8Array([0x68, 0x69]), 'x')).toEqual({ ok: true, text: 'hi', encoding: 'utf-8', bom: false, warnings: [] });
  });

  it('points at the lead byte of truncated, overlong and surrogate sequences', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xe2, 0x80)).toBe(1); // truncated at end of input
    expect(at(0x61, 0xc0, 0x80)).toBe(1); // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0x61, 0x80)).toBe(1); // stray continuation byte
    expect(at(0xf0, 0x9f, 0x98, 0x80, 0xff)).toBe(4); // valid emoji, then 0xFF
    expect(at(0xe2, 0x80, 0x94)).toBe(-1);
  });

  it('agrees with the strict TextDecoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 12) }, () => {
        const b = next();
        return b < 96 ? 0x61 : b; // mostly high bytes, some ASCII
      });
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      const bad = firstInvalidUtf8(bytes);
      expect(bad === -1).toBe(valid);
      if (bad > 0) expect(() => strict.decode(bytes.subarray(0, bad))).not.toThrow();
    }
  });
});

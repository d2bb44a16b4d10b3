// writeFileAtomic: the bytes written are exactly the content's, the file's mode is kept, and no
// temporary file is left beside it.

import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/cli/atomic-write.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'canvass-atomic-'));
  dirs.push(d);
  return d;
};

describe('writeFileAtomic', () => {
  it('writes a string as UTF-8, multi-byte characters included', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.json');
    // ’ is 3 bytes in UTF-8, é 2, 😀 4 (a surrogate pair in the string)
    const text = `{"name": "Children’s café 😀"}\n`.repeat(1000);
    await writeFileAtomic(path, text);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.toString('utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes bytes as they are and replaces an existing file, keeping its mode', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.bin');
    writeFileSync(path, 'old content that is longer than the new');
    chmodSync(path, 0o640);
    const bytes = Uint8Array.from([0, 1, 2, 0xff, 0xfe, 10]);
    await writeFileAtomic(path, bytes);
    expect([...readFileSync(path)]).toEqual([0, 1, 2, 0xff, 0xfe, 10]);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it.skipIf(process.platform === 'win32')('refuses to replace a read-only file (no write bit), leaving it and no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'locked.md');
    writeFileSync(path, 'as it was\n');
    chmodSync(path, 0o444);
    await expect(writeFileAtomic(path, 'new text\n')).rejects.toMatchObject({ code: 'EACCES' });
    expect(readFileSync(path, 'utf8')).toBe('as it was\n');
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['locked.md']);
  });

  it.skipIf(process.platform === 'win32')('refuses to replace a named pipe with a file, leaving it a pipe', async () => {
    const dir = tempDir();
    const path = join(dir, 'pipe.md');
    execFileSync('mkfifo', [path]);
    await expect(writeFileAtomic(path, 'new text\n')).rejects.toThrow('not a regular file (a pipe, device or socket)');
    expect(lstatSync(path).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe.md']);
  });

  it('writes pieces of text one after another, and leaves the old file if making them fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.json');
    function* pieces() {
      yield '{"a": "Children’s ';
      yield 'café 😀",\n';
      yield '"b": 1}\n';
    }
    await writeFileAtomic(path, pieces());
    expect(readFileSync(path, 'utf8')).toBe('{"a": "Children’s café 😀",\n"b": 1}\n');

    function* failing() {
      yield 'half a file';
      throw new Error('out of rows');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('out of rows');
    expect(readFileSync(path, 'utf8')).toBe('{"a": "Children’s café 😀",\n"b": 1}\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes many pieces, and pieces larger than its buffer, in order and exactly', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.json');
    // 3,000 pieces of 1-2 KB of two- and three-byte UTF-8 (over the 1 MB buffer several times),
    // a piece of 600,000 characters (more than the buffer can surely hold), then small ones again.
    const small = Array.from({ length: 3000 }, (_, i) => `${i}: ${'é’😀'.repeat(100 + (i % 200))}\n`);
    const large = 'x€'.repeat(300_000);
    const pieces = [...small.slice(0, 1500), large, ...small.slice(1500), 'end\n'];
    await writeFileAtomic(path, pieces);
    const written = readFileSync(path);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('writes an empty string as an empty file', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.txt');
    await writeFileAtomic(path, '');
    expect(readFileSync(path).length).toBe(0);
  });
});

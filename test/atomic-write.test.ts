// writeFileAtomic: the bytes written are exactly the content's, the file's mode is kept, and no
// temporary file is left beside it.

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('writes an empty string as an empty file', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.txt');
    await writeFileAtomic(path, '');
    expect(readFileSync(path).length).toBe(0);
  });
});

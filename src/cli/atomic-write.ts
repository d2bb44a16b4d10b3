// Write a file so that readers see either the old or the new content, never half of it:
// write a temporary file beside it, then rename over it. Keeps the file's permissions. Replaces
// only a regular file, and never one that could not be written in place: the rename needs only
// a writable folder, so a read-only file would be replaced (and another user's file would change
// owner).

import { constants } from 'node:fs';
import { access, chmod, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `data`: text, bytes, or pieces of either written one after another (never joined into one). */
export async function writeFileAtomic(linkOrPath: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  // Write through a symbolic link to the file it points at; renaming over the link would replace it.
  const path = await realpath(linkOrPath).catch(() => linkOrPath);
  // node:crypto is loaded here, not at start-up: only --fix and exports write files.
  const { randomBytes } = await import('node:crypto');
  // The name's start only, so a long file name (file systems allow 255 bytes) still has room.
  const temp = join(dirname(path), `.${basename(path).slice(0, 64)}.canvass-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing && !existing.isFile()) throw notAFile(existing.isDirectory());
    const mode = existing?.mode;
    if (mode !== undefined) await assertWritable(path, mode);
    // A FileHandle writes a string as it is, encoding it on the way out: writeFile would first
    // copy it into a Buffer (for a 70 MB comparison export, over half a second more).
    const handle = await open(temp, 'w');
    try {
      const out = new BufferedWriter(handle);
      for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) {
        if (piece instanceof Uint8Array) {
          await out.flush();
          await handle.writeFile(piece);
        } else {
          await out.write(piece);
        }
      }
      await out.flush();
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/**
 * Only a regular file is replaced. A pipe, device or socket (named, or behind a link such as
 * /dev/stdin, whose target /proc/self/fd/0 -> 'pipe:[…]' realpath cannot resolve) would be
 * replaced by a regular file, or the link itself would be.
 */
function notAFile(directory: boolean): Error {
  return directory
    ? Object.assign(new Error('EISDIR: is a directory'), { code: 'EISDIR' })
    : new Error('not a regular file (a pipe, device or socket)');
}

/**
 * Fails as writing the file in place would (EACCES): when this user may not write it, or when it
 * is marked read-only for everyone (no write bit), which binds root too, as `chmod a-w` means.
 */
async function assertWritable(path: string, mode: number): Promise<void> {
  if ((mode & 0o222) === 0) {
    throw Object.assign(new Error('EACCES: permission denied, the file is read-only'), { code: 'EACCES' });
  }
  await access(path, constants.W_OK);
}

/**
 * Text pieces gathered into one buffer and written when it fills: an export comes in thousands
 * of pieces of tens of kilobytes, and a write (a system call and a promise) per piece cost more
 * than encoding them.
 */
class BufferedWriter {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(private readonly handle: FileHandle) {}

  async write(text: string): Promise<void> {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
    const most = 3 * text.length;
    if (this.used + most > this.buffer.length) await this.flush();
    if (most > this.buffer.length) await writeString(this.handle, text);
    else this.used += this.buffer.write(text, this.used, 'utf8');
  }

  async flush(): Promise<void> {
    let done = 0;
    // A regular file takes the whole write or fails; should one be cut short, write the rest.
    while (done < this.used) {
      const { bytesWritten } = await this.handle.write(this.buffer, done, this.used - done);
      if (bytesWritten === 0) throw new Error('the file takes no more bytes');
      done += bytesWritten;
    }
    this.used = 0;
  }
}

async function writeString(handle: FileHandle, text: string): Promise<void> {
  const { bytesWritten } = await handle.write(text);
  // A regular file takes the whole write or fails; should one be cut short, finish it
  // (writeFile goes on from the handle's position and retries partial writes).
  if (bytesWritten < Buffer.byteLength(text)) await handle.writeFile(Buffer.from(text).subarray(bytesWritten));
}

// Write a file so that readers see either the old or the new content, never half of it:
// write a temporary file beside it, then rename over it. Keeps the file's permissions.

import { chmod, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(linkOrPath: string, data: string | Uint8Array): Promise<void> {
  // Write through a symbolic link to the file it points at; renaming over the link would replace it.
  const path = await realpath(linkOrPath).catch(() => linkOrPath);
  // node:crypto is loaded here, not at start-up: only --fix and exports write files.
  const { randomBytes } = await import('node:crypto');
  const temp = join(dirname(path), `.${basename(path)}.canvass-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = await stat(path).then((s) => s.mode, () => undefined);
    await writeFile(temp, data, { flush: true });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

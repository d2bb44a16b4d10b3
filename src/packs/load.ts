// Rule packs from YAML text, files, and the bundled rules/ folder, validated into Pack objects.

import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFsError } from '../ingest/source.js';
import { utf8Text } from '../yaml/utf8-text.js';
import { readPrecompiled } from './precompiled.js';
import type { Pack } from './types.js';

/**
 * A pack file that cannot be read (missing, a folder, not permitted): the problem is where it is
 * named (the config's line, or --pack), as the file has no position to point at.
 */
export class PackFileUnreadable extends Error {
  constructor(
    /** The pack as the user wrote it. */
    readonly ref: string,
    /** The file it was read from. */
    readonly path: string,
    cause: unknown,
    /** Why: "no such file or directory (ENOENT)". */
    readonly reason = describeFsError(cause),
  ) {
    super(`cannot read rule pack '${ref}': ${reason}`);
  }
}

/** Reads and validates a pack file: PackFileUnreadable, or a LocatedError for what is wrong in it. */
export async function loadPackFile(path: string, ref = path): Promise<Pack> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new PackFileUnreadable(ref, path, error);
  }
  const text = utf8Text(bytes, path, 'rule pack');
  // The YAML parser and schema load only when a YAML pack must be read.
  const { parsePack } = await import('./parse-pack.js');
  return parsePack(text, path);
}

/**
 * The repo's rules/ folder: the nearest folder above this module with a package.json (the package
 * root, whether running from src/ or dist/src/, or installed under node_modules).
 */
export function bundledPacksDir(): string {
  return join(packageRoot(), 'rules');
}

/** The package root: the nearest folder above this module with a package.json. */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(here, '..', '..');
    dir = parent;
  }
  return dir;
}

/** Names of the bundled packs (rules/*.yaml), sorted. */
export function listBundledPacks(): string[] {
  const dir = bundledPacksDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** True when `ref` names a bundled pack rather than a file: no folder, no YAML extension. */
export function isBundledRef(ref: string): boolean {
  return !/[\\/]/.test(ref) && !/\.ya?ml$/i.test(ref);
}

/**
 * A pack by reference as written in the config: a bundled pack name, or a path relative to
 * `baseDir`. Bundled packs get origin "bundled:<name>"; their problems still name the file.
 */
export async function resolvePack(ref: string, baseDir: string): Promise<Pack> {
  if (!isBundledRef(ref)) return loadPackFile(resolve(baseDir, ref), ref);
  const available = listBundledPacks();
  if (!available.includes(ref)) {
    const list = available.length > 0 ? `available packs: ${available.join(', ')}` : 'no packs are bundled';
    throw new Error(`unknown rule pack '${ref}' (${list}; a pack file path needs a / or a .yaml extension)`);
  }
  const file = join(bundledPacksDir(), `${ref}.yaml`);
  const pack = (await readPrecompiled(file)) ?? (await loadPackFile(file));
  return { ...pack, origin: `bundled:${ref}` };
}

// Rule packs from YAML text, files, and the bundled rules/ folder, validated into Pack objects.

import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocatedError } from '../yaml/located-error.js';
import { readPrecompiled } from './precompiled.js';
import type { Pack } from './types.js';

/** Reads and validates a pack file; an unreadable file is a LocatedError at 1:1 too. */
export async function loadPackFile(path: string): Promise<Pack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LocatedError([{ file: path, line: 1, column: 1, message: `cannot read rule pack: ${(error as Error).message}` }]);
  }
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
  if (!isBundledRef(ref)) return loadPackFile(resolve(baseDir, ref));
  const available = listBundledPacks();
  if (!available.includes(ref)) {
    const list = available.length > 0 ? `available packs: ${available.join(', ')}` : 'no packs are bundled';
    throw new Error(`unknown rule pack '${ref}' (${list}; a pack file path needs a / or a .yaml extension)`);
  }
  const file = join(bundledPacksDir(), `${ref}.yaml`);
  const pack = (await readPrecompiled(file)) ?? (await loadPackFile(file));
  return { ...pack, origin: `bundled:${ref}` };
}

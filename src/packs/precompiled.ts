// Bundled packs validated at build time (npm run build writes dist/packs/<name>.json), so that
// linting with them does not load the YAML parser and schema (~100 ms of start-up). A JSON file
// is used only while it matches its YAML source byte for byte (the source is stored with it); an
// edited pack is read from YAML again. The source itself is stored for that comparison: hashing
// would load node:crypto (~5 ms of start-up) to save a few kilobytes.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { packageRoot } from './load.js';
import type { Pack } from './types.js';

interface Precompiled {
  source: string;
  pack: Pack;
}

/** dist/packs in the package (the build writes it; it is not committed). */
function precompiledDir(): string {
  return join(packageRoot(), 'dist', 'packs');
}

/** The precompiled pack for a bundled YAML file, if there is an up-to-date one. */
export async function readPrecompiled(yamlPath: string): Promise<Pack | undefined> {
  const json = join(precompiledDir(), basename(yamlPath).replace(/\.ya?ml$/, '.json'));
  if (!existsSync(json)) return undefined;
  try {
    const [source, compiled] = await Promise.all([readFile(yamlPath, 'utf8'), readFile(json, 'utf8')]);
    const parsed = JSON.parse(compiled) as Precompiled;
    return parsed.source === source ? parsed.pack : undefined;
  } catch {
    return undefined;
  }
}

/** Build step: validate every bundled pack and write its JSON. Throws on a broken pack. */
export async function precompileBundledPacks(rulesDir: string): Promise<string[]> {
  const { parsePack } = await import('./parse-pack.js');
  const out = precompiledDir();
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const file of readdirSync(rulesDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const source = readFileSync(join(rulesDir, file), 'utf8');
    const pack = parsePack(source, join('rules', file));
    const target = join(out, file.replace(/\.yaml$/, '.json'));
    writeFileSync(target, JSON.stringify({ source, pack } satisfies Precompiled) + '\n');
    written.push(target);
  }
  return written;
}

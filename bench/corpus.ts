// The benchmark corpus: the bundled documents replicated until the corpus reaches a target size.
// Built once into .bench/ (git-ignored) and reused while it matches the bundled documents.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchCorpus {
  dir: string;
  files: number;
  bytes: number;
}

export function buildCorpus(repo: string, targetBytes: number): BenchCorpus {
  const sourceDir = join(repo, 'corpus');
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.txt')) // the five documents (not the folder's README)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(sourceDir, name)) }));
  const setBytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const copies = Math.ceil(targetBytes / setBytes);
  const dir = join(repo, '.bench', `corpus-${copies}x`);
  const stamp = join(dir, '.complete');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(setBytes)) {
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < copies; i++) {
      // 100 files per folder, as a real archive of responses might be laid out.
      const sub = join(dir, String(Math.floor(i / 20)).padStart(3, '0'));
      mkdirSync(sub, { recursive: true });
      for (const s of sources) writeFileSync(join(sub, `${String(i).padStart(4, '0')}-${s.name}`), s.bytes);
    }
    writeFileSync(stamp, String(setBytes));
  }
  return { dir, files: copies * sources.length, bytes: copies * setBytes };
}

/** All files of the corpus, for baselines that take a file list. */
export function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const sub of readdirSync(dir).sort()) {
    const path = join(dir, sub);
    if (!statSync(path).isDirectory()) continue;
    for (const f of readdirSync(path).sort()) out.push(join(path, f));
  }
  return out;
}

/**
 * One large file: the bundled documents joined (a blank line between) until the file reaches
 * `targetBytes`, as a spreadsheet export of many responses is one document. Rebuilt each run.
 */
export function buildOneFile(repo: string, targetBytes: number, name: string): { path: string; bytes: number } {
  const sourceDir = join(repo, 'corpus');
  const texts = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(sourceDir, name), 'utf8').trimEnd() + '\n\n');
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    bytes += Buffer.byteLength(t);
  }
  mkdirSync(join(repo, '.bench'), { recursive: true });
  const path = join(repo, '.bench', name);
  writeFileSync(path, parts.join(''));
  return { path, bytes };
}

// Command-line inputs -> the list of files to lint. Only names files; reading is read.ts's job.

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ignoreMatcher, type IgnoreMatcher } from './ignore.js';
import { describeFsError, type DiscoveryProblem, type InputRef } from './source.js';

export type { DiscoveryProblem, InputRef } from './source.js';

export interface DiscoverOptions {
  cwd: string;
  /** Globs matched against paths relative to cwd (and against base names). */
  ignore: string[];
  /** Extensions collected from directories, e.g. ['.txt', '.md']; case-insensitive. */
  extensions?: string[];
}

export interface Discovery {
  files: InputRef[];
  problems: DiscoveryProblem[];
  /**
   * Each folder or glob that yielded files, with the indexes of its files in `files`: a config's
   * `ignore` (applied later, file by file) may still leave nothing of it.
   */
  walked: WalkedInput[];
}

export interface WalkedInput {
  input: string;
  /** Indexes into Discovery.files, also of files an earlier input yielded first. */
  files: number[];
  /** --ignore left some of its files out. */
  ignoredByOption: boolean;
  /** What to say when nothing of it is left, before "by <where the ignore came from>". */
  allIgnored: string;
}

const DEFAULT_EXTENSIONS = ['.txt', '.md', '.markdown'];
const GLOB_CHARS = /[*?[{]/;

export function resolvePath(ref: string, cwd: string): string {
  return path.resolve(cwd, ref);
}

export async function discoverInputs(inputs: string[], options: DiscoverOptions): Promise<Discovery> {
  const ctx: Context = {
    cwd: path.resolve(options.cwd),
    extensions: (options.extensions ?? DEFAULT_EXTENSIONS).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()),
    ignore: ignoreMatcher(options.ignore),
  };
  // Expand in parallel, merge in input order so the result does not depend on timing.
  const expanded = await Promise.all(inputs.map((input) => (input === '-' ? null : expandInput(input, ctx))));

  const files: InputRef[] = [];
  const problems: DiscoveryProblem[] = [];
  const walked: WalkedInput[] = [];
  /** Resolved path -> index in files. */
  const seen = new Map<string, number>();
  let stdinSeen = false;
  inputs.forEach((input, i) => {
    const result = expanded[i];
    if (!result) {
      // stdin can only be consumed once: a repeated "-" is dropped like a repeated file.
      if (!stdinSeen) files.push({ kind: 'stdin' });
      stdinSeen = true;
      return;
    }
    const indexes: number[] = [];
    for (const file of result.files) {
      const key = path.resolve(ctx.cwd, file);
      let index = seen.get(key);
      if (index === undefined) {
        index = files.push({ kind: 'file', path: file }) - 1;
        seen.set(key, index);
      }
      indexes.push(index);
    }
    for (const message of result.problems) problems.push({ input, message });
    if (result.walked && indexes.length) walked.push({ input, files: indexes, ...result.walked });
  });
  return { files, problems, walked };
}

interface Context {
  cwd: string;
  extensions: string[];
  ignore: IgnoreMatcher;
}

interface Expansion {
  /** Display paths, sorted. */
  files: string[];
  problems: string[];
  /** For a folder or a glob. */
  walked?: Pick<WalkedInput, 'ignoredByOption' | 'allIgnored'>;
}

/** "… that are not ignored by --ignore": the same words for --ignore and a config's `ignore`. */
export function allIgnoredMessage(allIgnored: string, by: string): string {
  return `${allIgnored} by ${by}`;
}

async function expandInput(input: string, ctx: Context): Promise<Expansion> {
  if (input === '') return { files: [], problems: [`no such file or directory: ''`] };
  const abs = path.resolve(ctx.cwd, input);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(abs)).isDirectory();
  } catch (err) {
    // Existing paths win over globs, so a file literally named "[draft].md" still works.
    if (GLOB_CHARS.test(input)) return expandGlob(input, ctx);
    if (codeOf(err) === 'ENOENT') return { files: [], problems: [`no such file or directory: '${input}'`] };
    return { files: [], problems: [`cannot access '${input}': ${describeFsError(err)}`] };
  }
  // A named file is always linted, whatever its extension and the ignore patterns.
  if (!isDirectory) return { files: [displayPath(abs, input, ctx)], problems: [] };
  return expandDirectory(input, abs, ctx);
}

async function expandDirectory(input: string, abs: string, ctx: Context): Promise<Expansion> {
  const walk: Walk = { files: [], problems: [], ignored: 0, otherExtensions: new Set() };
  if (ctx.ignore.dir(relativeTo(ctx.cwd, abs))) walk.ignored++;
  else await walkDirectory(abs, input, ctx, walk);
  const files = walk.files.sort(byCodeUnits);
  const dir = /[\\/]$/.test(input) ? input : `${input}/`;
  const none = `no ${listExtensions(ctx.extensions)} files found in '${dir}'`;
  const allIgnored = `${none} that are not ignored`;
  if (files.length === 0 && walk.problems.length === 0) {
    const found = walk.ignored > 0 ? allIgnoredMessage(allIgnored, '--ignore') : none;
    // What to do when the folder holds text under another extension (.njk, .text): name it.
    const others = [...walk.otherExtensions].sort(byCodeUnits);
    const hint = others.length
      ? ` (it holds ${listExtensions(others, 'and')} files: name files on the command line, for example '${dir}**/*${others[0]}', to read them whatever their extension)`
      : '';
    walk.problems.push(found + hint);
  }
  return { files, problems: walk.problems, walked: { ignoredByOption: walk.ignored > 0, allIgnored } };
}

interface Walk {
  files: string[];
  problems: string[];
  /** Files and directories skipped by ignore patterns, to explain an empty result. */
  ignored: number;
  /** Extensions of the files skipped for their extension (".njk"), to say what to do instead. */
  otherExtensions: Set<string>;
}

/**
 * Recursive walk that skips node_modules, dot-entries (.git, macOS "._x.md" resource forks) and
 * ignored directories before reading them. Symlinks to files are followed; symlinks to
 * directories are not, which rules out cycles.
 */
async function walkDirectory(dirAbs: string, input: string, ctx: Context, out: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dirAbs, { withFileTypes: true });
  } catch (err) {
    out.problems.push(`cannot read directory '${displayPath(dirAbs, input, ctx)}/': ${describeFsError(err)}`);
    return;
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  const subdirs: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dirAbs, entry.name);
    let isFile = entry.isFile();
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      if (ctx.ignore.dir(relativeTo(ctx.cwd, abs))) out.ignored++;
      else subdirs.push(abs);
      continue;
    }
    if (!hasExtension(entry.name, ctx.extensions)) {
      const ext = path.extname(entry.name).toLowerCase();
      if (ext) out.otherExtensions.add(ext);
      continue;
    }
    if (ctx.ignore.file(relativeTo(ctx.cwd, abs))) {
      out.ignored++;
      continue;
    }
    if (entry.isSymbolicLink()) {
      try {
        isFile = (await stat(abs)).isFile();
      } catch (err) {
        out.problems.push(`cannot read '${displayPath(abs, input, ctx)}': ${describeFsError(err)}`);
        continue;
      }
    }
    if (isFile) out.files.push(displayPath(abs, input, ctx));
  }
  // Sibling directories are read concurrently; each fills its own Walk so problems stay in order.
  const children = await Promise.all(
    subdirs.map(async (sub) => {
      const child: Walk = { files: [], problems: [], ignored: 0, otherExtensions: new Set() };
      await walkDirectory(sub, input, ctx, child);
      return child;
    }),
  );
  for (const child of children) {
    out.files.push(...child.files);
    out.problems.push(...child.problems);
    out.ignored += child.ignored;
    for (const ext of child.otherExtensions) out.otherExtensions.add(ext);
  }
}

async function expandGlob(pattern: string, ctx: Context): Promise<Expansion> {
  // node_modules is skipped like in directories, unless the pattern asks for it.
  const wantsNodeModules = pattern.includes('node_modules');
  let matches: string[];
  const brokenLinks = new Map<string, unknown>();
  try {
    // Loaded only for glob inputs: most runs name files and folders.
    const { default: fg } = await import('fast-glob');
    // Links to folders are not followed, as in a folder's walk: fast-glob would follow them,
    // giving each file under a link once more per link, and through a link to a folder above
    // it ('loop -> ..') the same file dozens of times, until the path is too long. Links to
    // files are kept (fast-glob's onlyFiles would drop them with the links to folders): a
    // match that is a link counts when what it points to is a file.
    const entries = await fg(pattern, {
      cwd: ctx.cwd,
      dot: false,
      onlyFiles: false,
      followSymbolicLinks: false,
      objectMode: true,
      ignore: wantsNodeModules ? [] : ['**/node_modules/**'],
    });
    matches = [];
    for (const entry of entries) {
      if (entry.dirent.isFile()) matches.push(entry.path);
      else if (entry.dirent.isSymbolicLink()) {
        const behind = await whatIsBehindLink(path.resolve(ctx.cwd, entry.path));
        if (behind === 'file') matches.push(entry.path);
        // A broken link is reported, as a folder's walk reports it.
        else if (behind !== 'other') brokenLinks.set(entry.path, behind.error);
      }
    }
  } catch (err) {
    const failed = (err as { path?: unknown }).path;
    const where = typeof failed === 'string' ? ` at '${relativeTo(ctx.cwd, failed) || '.'}'` : '';
    return { files: [], problems: [`cannot expand the pattern '${pattern}'${where}: ${describeFsError(err)}`] };
  }
  if (matches.length === 0 && brokenLinks.size === 0) return { files: [], problems: [`no files match the pattern '${pattern}'`] };
  const files: string[] = [];
  const problems: string[] = [];
  let ignored = 0;
  for (const match of [...matches, ...brokenLinks.keys()]) {
    const abs = path.resolve(ctx.cwd, match);
    const rel = relativeTo(ctx.cwd, abs);
    if (!wantsNodeModules && rel.split('/').includes('node_modules')) continue;
    if (ctx.ignore.file(rel)) {
      ignored++;
      continue;
    }
    const broken = brokenLinks.get(match);
    if (broken === undefined) files.push(displayPath(abs, pattern, ctx));
    else problems.push(`cannot read '${displayPath(abs, pattern, ctx)}': ${describeFsError(broken)}`);
  }
  const allIgnored = `all files matching the pattern '${pattern}' are ignored`;
  if (files.length === 0 && problems.length === 0) {
    // Only node_modules matched: skipped as in folders, by no --ignore.
    return { files: [], problems: [ignored > 0 ? allIgnoredMessage(allIgnored, '--ignore') : allIgnored] };
  }
  return { files: files.sort(byCodeUnits), problems: problems.sort(byCodeUnits), walked: { ignoredByOption: ignored > 0, allIgnored } };
}



/** What a link leads to: a file, something else (a folder), or, when it is broken, why. */
async function whatIsBehindLink(abs: string): Promise<'file' | 'other' | { error: unknown }> {
  return stat(abs).then(
    (s) => (s.isFile() ? 'file' : 'other'),
    (error: unknown) => ({ error }),
  );
}

/** The path as the user would write it: relative with "/" if they gave a relative input. */
function displayPath(abs: string, input: string, ctx: Context): string {
  return path.isAbsolute(input) ? abs : relativeTo(ctx.cwd, abs) || '.';
}

function relativeTo(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function hasExtension(name: string, extensions: string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** ".txt, .md or .markdown" */
function listExtensions(extensions: string[], conjunction = 'or'): string {
  if (extensions.length <= 1) return extensions.join('');
  return `${extensions.slice(0, -1).join(', ')} ${conjunction} ${extensions[extensions.length - 1]}`;
}

/** Plain code-unit order: locale-independent, so output is the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

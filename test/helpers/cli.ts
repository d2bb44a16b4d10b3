// Run the built CLI (bin/canvass.js -> dist/bundle/) as a user would: a separate Node process, its own
// working directory, no colour. `npm test` builds first (the pretest script).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const binPath = join(repoRoot, 'bin', 'canvass.js');
const builtMain = join(repoRoot, 'dist', 'bundle', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** Bytes or text for standard input; without it stdin is empty. */
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Kill canvass after this long (default 60 s): a test of a runaway regex fails instead of hanging. */
  timeoutMs?: number;
}

export function runCli(args: readonly string[], options: CliOptions): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR; // would override NO_COLOR
  delete env.COLUMNS; // output width is the default unless a test sets it
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  if (result.status === null) throw new Error(`canvass was killed by ${result.signal} (time limit ${options.timeoutMs ?? 60_000} ms)\n${result.stderr}`);
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails early, with a clear message, when dist/ has not been built. */
export function assertBuilt(): void {
  if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: run 'npm run build' first (npm test does it)`);
}

/** Temp folders made in this test file (vitest loads helpers once per file): removeTempDirs clears them. */
const tempDirs: string[] = [];

export function makeTempDir(prefix = 'canvass-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** For afterAll: remove every folder makeTempDir made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temp folder holding `files` (relative path -> text or bytes). */
export function project(files: Record<string, string | Buffer>, prefix?: string): string {
  const dir = makeTempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

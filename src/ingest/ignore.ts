// Ignore globs (from --ignore and from .canvass.yaml), matched the same way wherever they come from.

import { createRequire } from 'node:module';
import path from 'node:path';

export interface IgnoreMatcher {
  /** Is this file (path relative to cwd) ignored, by itself or by a parent directory? */
  file(rel: string): boolean;
  /** Is this directory ignored, by itself or by a parent? */
  dir(rel: string): boolean;
}

/**
 * A pattern ignores a path when it matches the path relative to cwd or its base name
 * ("*.bak.md" anywhere), or matches one of its parent directories ("drafts", "archive/**").
 */
export function ignoreMatcher(patterns: string[]): IgnoreMatcher {
  // "./drafts/" means the same as "drafts": picomatch would not match either spelling.
  const cleaned = patterns.map((p) => p.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '')).filter((p) => p !== '');
  if (cleaned.length === 0) return { file: () => false, dir: () => false };
  const isMatch = compileGlobs(cleaned);
  const matches = (rel: string) => isMatch(rel) || isMatch(path.posix.basename(rel));
  const dirs = new Map<string, boolean>();
  const dir = (rel: string): boolean => {
    // Stop at cwd and at anything above it ("..", "../.."): those are not the user's to ignore.
    if (rel === '.' || rel === '' || rel === '/' || path.posix.basename(rel) === '..') return false;
    let hit = dirs.get(rel);
    if (hit === undefined) {
      hit = matches(rel) || dir(path.posix.dirname(rel));
      dirs.set(rel, hit);
    }
    return hit;
  };
  return { file: (rel) => matches(rel) || dir(path.posix.dirname(rel)), dir };
}

// Any of these makes a pattern a glob; without them it is a name or path, matched as written.
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;

/**
 * A matcher for the patterns. picomatch (loaded only when some pattern is a glob: ~5 ms of a
 * one-file lint) matches the globs; plain names such as "README.md" are compared as strings,
 * which is what picomatch would do with them.
 */
function compileGlobs(patterns: string[]): (rel: string) => boolean {
  const literal = new Set(patterns.filter((p) => !GLOB_SYNTAX.test(p)));
  const globs = patterns.filter((p) => GLOB_SYNTAX.test(p));
  if (globs.length === 0) return (rel) => literal.has(rel);
  const picomatch = createRequire(import.meta.url)('picomatch') as (
    globs: string[],
    options: { dot: boolean },
  ) => (rel: string) => boolean;
  const isGlobMatch = picomatch(globs, { dot: true });
  return (rel) => literal.has(rel) || isGlobMatch(rel);
}

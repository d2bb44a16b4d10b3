// Ignore globs (from --ignore and from .canvass.yaml), matched the same way wherever they come from.

import path from 'node:path';
import picomatch from 'picomatch';

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
  const isMatch = picomatch(cleaned, { dot: true });
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

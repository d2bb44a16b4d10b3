// Paths as the user should read them: relative to where they ran canvass when the file is under
// it, with forward slashes; absolute otherwise (a pack in another folder).

import { relative } from 'node:path';
import type { LocatedProblem } from '../yaml/located-error.js';

export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : file;
}

export function relativeProblem(p: LocatedProblem, cwd: string): LocatedProblem {
  return { ...p, file: displayPath(cwd, p.file) };
}

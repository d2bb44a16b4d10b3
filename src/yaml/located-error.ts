// Problems in YAML files (rule packs, config) located at file:line:col. Kept apart from the YAML
// parsing so that code which only reports these errors does not load the parser.

export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The `file` of a problem with a pack named by --pack: it is on the command line, in no file. */
export const PACK_OPTION = '--pack';

/** `file:line:col: message`; a problem with no position (line 0) is `file: message`. */
export function formatProblem(problem: LocatedProblem): string {
  if (problem.line === 0) return `${problem.file}: ${problem.message}`;
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Thrown with every problem found in a file, not just the first. */
export class LocatedError extends Error {
  readonly problems: LocatedProblem[];

  constructor(problems: LocatedProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LocatedError';
    this.problems = problems;
  }
}

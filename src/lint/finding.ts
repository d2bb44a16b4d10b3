// Findings are data: formatters turn them into text at the very end.

import type { Severity } from '../packs/types.js';

export interface Fix {
  /** Replace text[offset, offset + length) with `text`. */
  offset: number;
  length: number;
  text: string;
}

export interface Finding {
  /** `<pack>/<rule>`, or `canvass/<check>` for the tool's own checks (inline directives). */
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  /** The text that matched, as written. */
  match: string;
  expected?: string;
  fix?: Fix;
  link?: string;
}

/** A problem with an input itself (unreadable, binary, not valid UTF-8): not a finding. */
export interface InputProblem {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  column?: number;
  /**
   * The file was not linted because its configuration or every pack it names is broken: the
   * same message for every file under that configuration, so stylish output lists them together.
   */
  notLinted?: true;
}

export interface FileResult {
  /** As given on the command line or found in a directory; stdin uses --stdin-filename or "<stdin>". */
  path: string;
  findings: Finding[];
  problems: InputProblem[];
  /** Text after --fix, when fixes were applied. */
  fixedText?: string;
  /** How many fixes --fix wrote to the file, over all its passes. */
  fixed?: number;
}

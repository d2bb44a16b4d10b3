// The result of `canvass lint` over all inputs, before any formatting.

import type { FileResult } from '../lint/finding.js';

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  suggestions: number;
  /** Inputs that could not be read or decoded (each also appears as a FileResult problem). */
  inputErrors: number;
  /** Findings that carry a fix (applied when --fix is given). */
  fixable: number;
}

export interface LintReport {
  files: FileResult[];
  summary: LintSummary;
}

export function summarise(files: FileResult[]): LintSummary {
  const summary: LintSummary = { files: files.length, errors: 0, warnings: 0, suggestions: 0, inputErrors: 0, fixable: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.suggestions++;
      if (f.fix) summary.fixable++;
    }
    summary.inputErrors += file.problems.filter((p) => p.severity === 'error').length;
  }
  return summary;
}

// The result of `canvass lint` over all inputs, before any formatting.

import type { FileResult } from '../lint/finding.js';
import type { LocatedProblem } from '../yaml/located-error.js';

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  suggestions: number;
  /** Inputs that could not be read or decoded (each also appears as a FileResult problem). */
  inputErrors: number;
  /** Findings that carry a fix (applied when --fix is given). */
  fixable: number;
  /** Problems in configuration files and rule packs. */
  configErrors: number;
}

export interface LintReport {
  files: FileResult[];
  /** Broken configs and rule packs (file:line:col), reported once each. */
  configProblems: LocatedProblem[];
  summary: LintSummary;
}

export function summarise(files: FileResult[], configProblems: readonly LocatedProblem[] = []): LintSummary {
  const summary = emptySummary(configProblems.length);
  for (const file of files) addToSummary(summary, file);
  return summary;
}

export function emptySummary(configErrors = 0): LintSummary {
  return { files: 0, errors: 0, warnings: 0, suggestions: 0, inputErrors: 0, fixable: 0, configErrors };
}

/** Count one file in (a report written file by file keeps only the counts). */
export function addToSummary(summary: LintSummary, file: FileResult): void {
  summary.files++;
  for (const f of file.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.suggestions++;
    if (f.fix) summary.fixable++;
  }
  for (const p of file.problems) if (p.severity === 'error') summary.inputErrors++;
}

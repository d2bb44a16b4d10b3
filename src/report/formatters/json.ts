// The machine-readable report. The schema is documented in docs/json-output.md and is a
// compatibility promise: objects are built field by field so key order is fixed and
// internal fields (fixedText) never leak out.

import type { FileResult, Finding } from '../../lint/finding.js';
import type { LocatedProblem } from '../../yaml/located-error.js';
import type { LintReport, LintSummary } from '../lint-report.js';
import type { FormatOptions } from './index.js';
import { problemJson } from './problem-json.js';

export const JSON_SCHEMA_VERSION = 1;

export function json(report: LintReport, _options: FormatOptions): string {
  const output = {
    version: JSON_SCHEMA_VERSION,
    tool: 'canvass',
    files: report.files.map(fileJson),
    configProblems: report.configProblems.map(configProblemJson),
    summary: summaryJson(report.summary),
  };
  return JSON.stringify(output, null, 2) + '\n';
}

function fileJson(file: FileResult) {
  return { path: file.path, findings: file.findings.map(findingJson), problems: file.problems.map(problemJson) };
}

function findingJson(f: Finding) {
  // Optional keys are added only when present: absent, never null. Assigned after the literal
  // (not spread into it): the key order is the same, without a temporary object per key.
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    offset: f.offset,
    length: f.length,
    match: f.match,
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.fix !== undefined) out.fix = { offset: f.fix.offset, length: f.fix.length, text: f.fix.text };
  if (f.link !== undefined) out.link = f.link;
  return out;
}

function configProblemJson(p: LocatedProblem) {
  return { file: p.file, line: p.line, column: p.column, message: p.message };
}

function summaryJson(s: LintSummary) {
  return {
    files: s.files,
    errors: s.errors,
    warnings: s.warnings,
    suggestions: s.suggestions,
    inputErrors: s.inputErrors,
    fixable: s.fixable,
    configErrors: s.configErrors,
  };
}

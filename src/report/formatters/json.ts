// The machine-readable report. The schema is documented in docs/json-output.md and is a
// compatibility promise: objects are built field by field so key order is fixed and
// internal fields (fixedText) never leak out.

import type { FileResult, Finding } from '../../lint/finding.js';
import type { LocatedProblem } from '../../yaml/located-error.js';
import type { LintReport, LintSummary } from '../lint-report.js';
import type { FormatOptions } from './index.js';
import { nested } from './json-nested.js';
import { problemJson } from './problem-json.js';

export const JSON_SCHEMA_VERSION = 1;

export function json(report: LintReport, _options: FormatOptions): string {
  const parts: string[] = [];
  const writer = new JsonLintWriter((s) => parts.push(s));
  for (const file of report.files) writer.file(file);
  writer.end(report.configProblems, report.summary);
  return parts.join('');
}

/**
 * The same document as json(), written a file at a time as results arrive: a corpus of any size
 * is reported without holding all its findings. The layout is JSON.stringify's with an indent
 * of 2, so the two give the same bytes.
 */
export class JsonLintWriter {
  private count = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  file(file: FileResult): void {
    if (this.count === 0) this.write(`{\n  "version": ${JSON_SCHEMA_VERSION},\n  "tool": "canvass",\n  "files": [`);
    this.write((this.count++ === 0 ? '\n    ' : ',\n    ') + nested(fileJson(file), 2));
  }

  end(configProblems: readonly LocatedProblem[], summary: LintSummary): void {
    const files = this.count === 0 ? `{\n  "version": ${JSON_SCHEMA_VERSION},\n  "tool": "canvass",\n  "files": []` : '\n  ]';
    this.write(
      `${files},\n  "configProblems": ${nested(configProblems.map(configProblemJson), 1)},\n  "summary": ${nested(summaryJson(summary), 1)}\n}\n`,
    );
  }
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

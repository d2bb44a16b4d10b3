// The machine-readable extract report. The schema is documented in docs/json-output.md
// ("canvass extract") and is a compatibility promise: objects are built field by field, so the
// key order is fixed and internal fields (answerStart, offset, length, …) never leak out.

import type { ExtractedQuestion, ExtractedResponse, PersonalDatum, Recommendation } from '../../../extract/types.js';
import { nested } from '../json-nested.js';
import { problemJson } from '../problem-json.js';
import type { ExtractReport, ExtractSummary, InputFailure, ReportedDocument } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { writeWhole, type ExtractWriter, type ExtractWriterFactory } from './writer.js';

export const EXTRACT_JSON_VERSION = 1;

export function json(report: ExtractReport, options: ExtractFormatOptions): string {
  return writeWhole(jsonWriter, report, options);
}

export const jsonWriter: ExtractWriterFactory = (write, options) => new JsonExtractWriter(write, options.includePersonalData ?? false);

const OPENING = `{\n  "version": ${EXTRACT_JSON_VERSION},\n  "tool": "canvass",\n  "command": "extract",\n  "documents": [`;

/** The layout is JSON.stringify's with an indent of 2, written a document at a time. */
class JsonExtractWriter implements ExtractWriter {
  private count = 0;

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly withPersonalData: boolean,
  ) {}

  document(doc: ReportedDocument): void {
    const before = this.count++ === 0 ? `${OPENING}\n    ` : ',\n    ';
    this.write(before + nested(documentJson(doc, this.withPersonalData), 2));
  }

  end(problems: readonly InputFailure[], summary: ExtractSummary): void {
    const documents = this.count === 0 ? `${OPENING}]` : '\n  ]';
    this.write(`${documents},\n  "problems": ${nested(problems.map(failureJson), 1)},\n  "summary": ${nested(summaryJson(summary), 1)}\n}\n`);
  }
}

function documentJson(doc: ReportedDocument, withPersonalData: boolean) {
  return {
    path: doc.path,
    kind: doc.kind,
    problems: doc.problems.map(problemJson),
    responses: doc.responses.map((r) => responseJson(r, withPersonalData)),
  };
}

function responseJson(r: ExtractedResponse, withPersonalData: boolean) {
  return {
    respondent: r.respondent,
    respondentFrom: r.respondentFrom,
    date: r.date,
    consultation: r.consultation,
    line: r.line,
    endLine: r.endLine,
    questions: r.questions.map(questionJson),
    recommendations: r.recommendations.map(recommendationJson),
    // Personal data leaves canvass only when asked for (--include-personal-data).
    ...(withPersonalData && { personalData: r.personalData.map(personalJson) }),
  };
}

function questionJson(q: ExtractedQuestion) {
  return {
    number: q.number,
    text: q.text,
    line: q.line,
    column: q.column,
    endLine: q.endLine,
    endColumn: q.endColumn,
    stance: q.stance,
    stanceCues: [...q.stanceCues],
  };
}

function recommendationJson(r: Recommendation) {
  return {
    question: r.question,
    text: r.text,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    cue: r.cue,
    strength: r.strength,
    emphasised: r.emphasised,
    target: r.target,
  };
}

function personalJson(p: PersonalDatum) {
  return { kind: p.kind, text: p.text, line: p.line, column: p.column };
}

function failureJson(p: InputFailure) {
  return { path: p.path, ...problemJson(p) };
}

function summaryJson(s: ExtractSummary) {
  return {
    documents: s.documents,
    responses: s.responses,
    questions: s.questions,
    recommendations: s.recommendations,
    inputErrors: s.inputErrors,
  };
}

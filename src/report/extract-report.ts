// The result of `canvass extract` over all inputs, before any formatting.

import type { ExtractedDocument } from '../extract/types.js';
import type { InputProblem } from '../lint/finding.js';

/** One extracted document, with the non-fatal problems met reading it (e.g. not UTF-8). */
export interface ReportedDocument extends ExtractedDocument {
  problems: InputProblem[];
}

/** A problem with an input that gave no document (missing path, binary file, unreadable stdin). */
export interface InputFailure extends InputProblem {
  /** The input as given on the command line, or the file's path; stdin uses --stdin-filename or "<stdin>". */
  path: string;
}

export interface ExtractSummary {
  /** Documents extracted (inputs that could not be read are not documents). */
  documents: number;
  responses: number;
  questions: number;
  recommendations: number;
  /** Input problems with severity error: inputs that gave no document. */
  inputErrors: number;
}

export interface ExtractReport {
  /** In the order the inputs were given (and, within a folder, sorted by path). */
  documents: ReportedDocument[];
  /** Inputs that could not be found, read or decoded, each once. */
  problems: InputFailure[];
  summary: ExtractSummary;
}

export function makeExtractReport(documents: ReportedDocument[], problems: InputFailure[]): ExtractReport {
  return { documents, problems, summary: summariseExtract(documents, problems) };
}

export function summariseExtract(documents: readonly ReportedDocument[], problems: readonly InputFailure[]): ExtractSummary {
  const summary = emptyExtractSummary();
  for (const doc of documents) countDocument(summary, doc);
  countFailures(summary, problems);
  return summary;
}

// The summary counted as documents arrive, for output written a document at a time.

export function emptyExtractSummary(): ExtractSummary {
  return { documents: 0, responses: 0, questions: 0, recommendations: 0, inputErrors: 0 };
}

export function countDocument(summary: ExtractSummary, doc: ReportedDocument): void {
  summary.documents++;
  summary.responses += doc.responses.length;
  summary.inputErrors += doc.problems.filter((p) => p.severity === 'error').length;
  for (const response of doc.responses) {
    summary.questions += response.questions.length;
    summary.recommendations += response.recommendations.length;
  }
}

export function countFailures(summary: ExtractSummary, problems: readonly InputFailure[]): void {
  summary.inputErrors += problems.filter((p) => p.severity === 'error').length;
}

/**
 * Keep only the questions numbered in `numbers` (compared as written: "3", "PC-1") and the
 * recommendations made under them. Documents and responses stay, so a reader can see who did
 * not answer.
 */
export function onlyQuestions<T extends ExtractedDocument>(doc: T, numbers: readonly string[]): T {
  const wanted = new Set(numbers);
  return {
    ...doc,
    responses: doc.responses.map((response) => ({
      ...response,
      questions: response.questions.filter((q) => wanted.has(q.number)),
      recommendations: response.recommendations.filter((r) => r.question !== null && wanted.has(r.question)),
    })),
  };
}

// Output written a document at a time, for the formats programs read (json, jsonl, csv): the
// extract command hands each document over as soon as it is extracted and keeps none of them,
// so a corpus of any size is extracted in the memory of one document.

import type { ExtractReport, ExtractSummary, InputFailure, ReportedDocument } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';

export interface ExtractWriter {
  document(doc: ReportedDocument): void;
  /** After the last document: the inputs that gave no document, and the summary of all. */
  end(problems: readonly InputFailure[], summary: ExtractSummary): void;
}

export type ExtractWriterFactory = (write: (chunk: string) => void, options: ExtractFormatOptions) => ExtractWriter;

/** A whole report through a writer: the formatter of a streaming format, with the same bytes. */
export function writeWhole(factory: ExtractWriterFactory, report: ExtractReport, options: ExtractFormatOptions): string {
  const parts: string[] = [];
  const writer = factory((chunk) => parts.push(chunk), options);
  for (const doc of report.documents) writer.document(doc);
  writer.end(report.problems, report.summary);
  return parts.join('');
}

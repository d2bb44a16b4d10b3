// JSON Lines: one flat object per recommendation, one per line (pandas.read_json(lines=True),
// jsonlite::stream_in). No documents, no summary: every line is a record.

import type { ExtractReport } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { documentRows } from './rows.js';
import { writeWhole, type ExtractWriterFactory } from './writer.js';

export function jsonl(report: ExtractReport, options: ExtractFormatOptions): string {
  return writeWhole(jsonlWriter, report, options);
}

export const jsonlWriter: ExtractWriterFactory = (write) => ({
  document(doc) {
    const lines = documentRows(doc).map((row) => lineSafe(JSON.stringify(row)) + '\n');
    if (lines.length) write(lines.join(''));
  },
  end() {},
});

/** U+2028/U+2029 are valid in JSON but end a line for some readers (Python's splitlines). */
function lineSafe(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

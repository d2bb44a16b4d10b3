// JSON Lines: one flat object per recommendation, one per line (pandas.read_json(lines=True),
// jsonlite::stream_in). No documents, no summary: every line is a record.

import type { ExtractReport } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { recommendationRows } from './rows.js';

export function jsonl(report: ExtractReport, _options: ExtractFormatOptions): string {
  return recommendationRows(report)
    .map((row) => lineSafe(JSON.stringify(row)) + '\n')
    .join('');
}

/** U+2028/U+2029 are valid in JSON but end a line for some readers (Python's splitlines). */
function lineSafe(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

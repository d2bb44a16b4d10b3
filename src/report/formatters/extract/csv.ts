// CSV (RFC 4180: CRLF record ends, fields quoted when they hold a comma, quote or line break),
// one row per recommendation with the jsonl columns, header first. Empty cell for null;
// emphasised is "true" or "false".

import { stringify } from 'csv-stringify/sync';
import type { ExtractReport } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { recommendationRows, ROW_COLUMNS } from './rows.js';

export function csv(report: ExtractReport, _options: ExtractFormatOptions): string {
  return stringify(recommendationRows(report), {
    header: true,
    columns: [...ROW_COLUMNS],
    record_delimiter: 'windows',
    // With an explicit record delimiter csv-stringify stops quoting lone \r and \n by default.
    quote_record_delimiter: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

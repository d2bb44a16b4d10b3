// CSV (RFC 4180: CRLF record ends, fields quoted when they hold a comma, quote or line break),
// one row per recommendation with the jsonl columns, header first. Empty cell for null;
// emphasised is "true" or "false".

import { stringify, type Options } from 'csv-stringify/sync';
import type { ExtractReport } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { documentRows, ROW_COLUMNS } from './rows.js';
import { writeWhole, type ExtractWriterFactory } from './writer.js';

const OPTIONS: Options = {
  columns: [...ROW_COLUMNS],
  record_delimiter: 'windows',
  // With an explicit record delimiter csv-stringify stops quoting lone \r and \n by default.
  quote_record_delimiter: true,
  cast: { boolean: (value) => (value ? 'true' : 'false') },
};

export function csv(report: ExtractReport, options: ExtractFormatOptions): string {
  return writeWhole(csvWriter, report, options);
}

/** The header with the first document's rows (or alone at the end, when there are none). */
export const csvWriter: ExtractWriterFactory = (write) => {
  let headerWritten = false;
  const rows = (list: object[]) => {
    write(stringify(list, { ...OPTIONS, header: !headerWritten }));
    headerWritten = true;
  };
  return {
    document(doc) {
      const list = documentRows(doc);
      if (list.length || !headerWritten) rows(list);
    },
    end() {
      if (!headerWritten) rows([]);
    },
  };
};

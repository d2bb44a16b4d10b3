// CSV export: one table per file, RFC 4180 (header row, CRLF record ends, a field quoted when
// it holds a comma, a quote, a line feed or a carriage return, quotes doubled). null is an empty
// cell, booleans are `true`/`false`, numbers as JavaScript writes them. With `excel`, a UTF-8
// byte-order mark first, so Excel reads the file as UTF-8 rather than the system code page.

import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../types.js';

export interface CsvOptions {
  /** Prepend a UTF-8 BOM, for Excel. */
  excel?: boolean;
}

export function tableToCsv(table: Table, options: CsvOptions = {}): string {
  // The header is written as the first record rather than with `header`/`columns`: column
  // names come from the data (terms, theme labels) and may repeat or contain anything.
  return stringify([table.columns, ...table.rows], {
    bom: options.excel ?? false,
    record_delimiter: 'windows',
    // With an explicit record delimiter csv-stringify stops quoting lone \r and \n by default.
    quote_record_delimiter: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/**
 * The file each table goes to when one `--out` path receives them: the path itself for a single
 * table; otherwise `-<table name>` inserted before the extension, in the same directory
 * (`out/compare.csv` → `out/compare-questions.csv`, `out/compare-recommendations.csv`, …).
 */
export function csvFileNames(base: string, tables: Table[]): Map<Table, string> {
  const names = new Map<Table, string>();
  if (tables.length === 1) {
    names.set(tables[0]!, base);
    return names;
  }
  const ext = path.extname(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  for (const table of tables) names.set(table, `${stem}-${table.name}${ext}`);
  return names;
}

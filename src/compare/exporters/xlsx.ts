// XLSX export: one worksheet per table. The header row is bold on a fill, frozen and has an
// autofilter; columns are as wide as their content (8 to 80 characters), and text longer than
// its column wraps. Numbers stay numbers and booleans booleans, so sums and filters work; null
// is an empty cell. Line breaks in text become Excel's own, a line feed: a carriage return would
// not survive anyway (XML readers turn \r\n and a lone \r into \n).

import ExcelJS from 'exceljs';
import type { Table } from '../types.js';

export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 80;
const HEADER_FILL = 'FFD9E1F2';

type Cell = Table['rows'][number][number];

export async function tablesToXlsx(tables: Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'canvass';
  const used = new Set<string>();
  for (const table of tables) addSheet(workbook, sheetName(table.name, used), table);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const widths = table.columns.map((column, i) =>
    Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, 2 + Math.max(textWidth(column), ...table.rows.map((r) => textWidth(cellValue(r[i])))))),
  );
  sheet.columns = widths.map((width) => ({ width }));

  const header = sheet.addRow(table.columns);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'top' };
  });

  for (const values of table.rows) {
    const row = sheet.addRow(table.columns.map((_, i) => cellValue(values[i])));
    const wraps = table.columns.map((_, i) => {
      const value = values[i];
      return typeof value === 'string' && (/[\r\n]/.test(value) || textWidth(value) > widths[i]! - 2);
    });
    if (!wraps.some(Boolean)) continue;
    // A row with wrapped text grows taller: keep every cell in it at the top.
    table.columns.forEach((_, i) => {
      row.getCell(i + 1).alignment = wraps[i] ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    });
  }

  if (table.columns.length) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  }
}

function cellValue(value: Cell | undefined): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;
}

/** Characters on the longest line, as a column width. */
function textWidth(value: string | number | boolean | null): number {
  if (value === null) return 0;
  const text = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return Math.max(...text.split(/\r\n|\r|\n/).map((line) => [...line].length));
}

/**
 * A valid, unique sheet name: Excel allows at most 31 characters, none of `[]:*?/\`, no
 * apostrophe at either end, and no two names equal ignoring case.
 */
export function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  base = [...base].slice(0, 31).join('');
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

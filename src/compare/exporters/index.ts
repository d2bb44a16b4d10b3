// The export formats of `canvass compare --out`: a registry from format name to exporter, and
// the format a file name implies. Exporters are pure: they return each file's content and the
// CLI writes it (atomically). CSV writes one file per table; every other format writes one file.
// XLSX and SQLite load their libraries (exceljs, better-sqlite3) only when asked for.

import path from 'node:path';
import type { Comparison, Table } from '../types.js';
import { csvFileNames, tableToCsv } from './csv.js';
import { comparisonToHtml } from './html.js';
import { comparisonJsonPieces } from './json.js';
import { tablesToMarkdown } from './markdown.js';

export const EXPORT_FORMATS = ['csv', 'json', 'markdown', 'html', 'xlsx', 'sqlite'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Title of a Markdown or HTML document. */
  title?: string;
  /** Who made the file ("canvass 0.1.0"): HTML footer, SQLite meta.generated_by. */
  generatedBy?: string;
  /** CSV: prepend a UTF-8 BOM so Excel reads accents correctly. */
  excel?: boolean;
}

/** One file's content; `table` is set when the format writes a file per table (CSV). */
export interface ExportOutput {
  table?: Table;
  content: ExportContent;
}

/**
 * Text, bytes, or text made a piece at a time as it is written (JSON: a large comparison's
 * export is never one string). Pieces can be read once.
 */
export type ExportContent = string | Uint8Array | TextPieces;

export interface TextPieces {
  readonly pieces: Iterable<string>;
}

/** What to write, in order: the content itself, or its pieces. */
export function contentChunks(content: ExportContent): Iterable<string | Uint8Array> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content.pieces;
}

export interface Exporter {
  format: ExportFormat;
  /** File extensions that select this format, lower case with the dot; the first is the usual one. */
  extensions: readonly string[];
  /** Bytes rather than UTF-8 text (not for standard output). */
  binary: boolean;
  /**
   * Whether the format writes the tables it is given (so `--table` applies). JSON and SQLite
   * always write the whole comparison, whatever tables are selected.
   */
  tabular: boolean;
  /** The content, one output per file: one per table for CSV (none for no tables), else one. */
  render(comparison: Comparison, tables: Table[], options: ExportOptions): Promise<ExportOutput[]>;
}

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  csv: {
    format: 'csv',
    extensions: ['.csv'],
    binary: false,
    tabular: true,
    render: async (_c, tables, options) => tables.map((table) => ({ table, content: tableToCsv(table, { excel: options.excel ?? false }) })),
  },
  json: {
    format: 'json',
    extensions: ['.json'],
    binary: false,
    tabular: false,
    render: async (c) => [{ content: { pieces: comparisonJsonPieces(c) } }],
  },
  markdown: {
    format: 'markdown',
    extensions: ['.md', '.markdown'],
    binary: false,
    tabular: true,
    render: async (_c, tables, options) => [{ content: tablesToMarkdown(tables, withTitle(options)) }],
  },
  html: {
    format: 'html',
    extensions: ['.html', '.htm'],
    binary: false,
    tabular: true,
    render: async (c, tables, options) => [{ content: comparisonToHtml(c, tables, { ...withTitle(options), ...withGeneratedBy(options) }) }],
  },
  xlsx: {
    format: 'xlsx',
    extensions: ['.xlsx'],
    binary: true,
    tabular: true,
    render: async (_c, tables) => [{ content: await (await import('./xlsx.js')).tablesToXlsx(tables) }],
  },
  sqlite: {
    format: 'sqlite',
    extensions: ['.sqlite', '.db', '.sqlite3'],
    binary: true,
    tabular: false,
    render: async (c, _tables, options) => [{ content: (await import('./sqlite.js')).comparisonToSqlite(c, withGeneratedBy(options)) }],
  },
};

const withTitle = (o: ExportOptions) => (o.title === undefined ? {} : { title: o.title });
const withGeneratedBy = (o: ExportOptions) => (o.generatedBy === undefined ? {} : { generatedBy: o.generatedBy });

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/** The format a file name implies by its extension (case-insensitive), if any. */
export function formatFromPath(file: string): ExportFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (!ext) return undefined;
  return EXPORT_FORMATS.find((format) => EXPORTERS[format].extensions.includes(ext));
}

export interface ExportFile {
  path: string;
  content: ExportContent;
}

/**
 * The files one `--out` path gets in a format: the path itself, or for CSV with several tables
 * one file per table named by csvFileNames (`out.csv` → `out-questions.csv`, …). For CSV with
 * no tables (`--table themes` without a coding frame) it is empty: the caller should say so.
 */
export async function exportFiles(
  format: ExportFormat,
  comparison: Comparison,
  tables: Table[],
  outPath: string,
  options: ExportOptions = {},
): Promise<ExportFile[]> {
  const outputs = await EXPORTERS[format].render(comparison, tables, options);
  const names = csvFileNames(outPath, outputs.flatMap((o) => (o.table ? [o.table] : [])));
  return outputs.map((o) => ({ path: o.table ? names.get(o.table)! : outPath, content: o.content }));
}

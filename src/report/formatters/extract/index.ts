// Formatters for `canvass extract`: an ExtractReport (data) in, text out. Like the lint
// formatters they never print and never exit; the CLI decides where the string goes.

import type { ExtractReport } from '../../extract-report.js';
import { csv, csvWriter } from './csv.js';
import { json, jsonWriter } from './json.js';
import { jsonl, jsonlWriter } from './jsonl.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { ExtractWriterFactory } from './writer.js';

export interface ExtractFormatOptions {
  /** Emit ANSI colour codes (text only). The CLI decides this; formatters never detect it. */
  color: boolean;
  /** Columns to wrap text output to (the terminal's width); default 100. */
  width?: number;
  /** --include-personal-data: output the personalData of each response. Without it, never. */
  includePersonalData?: boolean;
  /** --question: the question numbers asked for; the report is already filtered to them. */
  questions?: readonly string[];
}

export type ExtractFormatter = (report: ExtractReport, options: ExtractFormatOptions) => string;

export const extractFormatters = { text, json, jsonl, csv, markdown } as const satisfies Record<string, ExtractFormatter>;

export type ExtractFormatName = keyof typeof extractFormatters;

/**
 * The formats written a document at a time (see writer.ts): those a program reads, where a corpus
 * may be large. text and markdown are for people and take the whole report.
 */
export const extractWriters: Partial<Record<ExtractFormatName, ExtractWriterFactory>> = { json: jsonWriter, jsonl: jsonlWriter, csv: csvWriter };

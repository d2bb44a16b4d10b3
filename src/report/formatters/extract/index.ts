// Formatters for `canvass extract`: an ExtractReport (data) in, text out. Like the lint
// formatters they never print and never exit; the CLI decides where the string goes.

import type { ExtractReport } from '../../extract-report.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

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

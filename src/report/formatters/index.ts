// Formatters turn a LintReport (data) into text. They never print and never exit:
// the CLI decides where the string goes and what the exit code is.

import type { LintReport } from '../lint-report.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface FormatOptions {
  /** Emit ANSI colour codes. The CLI decides this (NO_COLOR, FORCE_COLOR, TTY); formatters never detect it. */
  color: boolean;
  /** Warnings and suggestions were dropped by the caller (--quiet); stylish says so in its summary. */
  quiet?: boolean;
}

export type LintFormatter = (report: LintReport, options: FormatOptions) => string;

export const lintFormatters = { stylish, json, compact, github } as const satisfies Record<string, LintFormatter>;

export type LintFormatName = keyof typeof lintFormatters;

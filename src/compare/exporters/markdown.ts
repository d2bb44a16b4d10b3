// Markdown export, for a report or a wiki: a `#` title, then per table a `##` heading and a
// GitHub-flavoured Markdown table. Cells keep their full text on one line: `|` and `\` escaped,
// line breaks as `<br>` (and `<` as `&lt;`, so text is never read as HTML), booleans yes/no,
// null an empty cell. Columns holding only numbers are right-aligned.

import type { Table } from '../types.js';

export interface MarkdownOptions {
  /** The `#` heading; "canvass comparison" if not given. */
  title?: string;
}

const DEFAULT_TITLE = 'canvass comparison';

type Cell = Table['rows'][number][number];

export function tablesToMarkdown(tables: Table[], options: MarkdownOptions = {}): string {
  const parts = [`# ${inline(options.title?.trim() ? options.title : DEFAULT_TITLE)}\n`];
  for (const table of tables) parts.push(`## ${inline(table.title)}\n`, markdownTable(table));
  return parts.join('\n');
}

function markdownTable(table: Table): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const numeric = table.columns.map(
    (_, i) => table.rows.some((r) => typeof r[i] === 'number') && table.rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'),
  );
  const lines = [
    row(table.columns.map((c) => escapeCell(c))),
    row(numeric.map((right) => (right ? '---:' : '---'))),
    ...table.rows.map((r) => row(table.columns.map((_, i) => cellText(r[i])))),
  ];
  return lines.join('\n') + '\n';
}

function cellText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return escapeCell(String(value));
}

/** One line; GFM splits cells on unescaped `|`, and a backslash would escape what follows it. */
function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Headings are one line. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Markdown, for pasting into a report or a wiki: per document a `##` heading, per response a
// `###` heading, a table of its questions and a table of its recommendations (GFM tables).

import type { ExtractedResponse } from '../../../extract/types.js';
import type { ExtractReport, ReportedDocument } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { summaryLine, uniqueCues } from './shared.js';

export function markdown(report: ExtractReport, options: ExtractFormatOptions): string {
  const sections = report.documents.map((doc) => documentSection(doc, options));
  if (report.problems.length) {
    const items = report.problems.map((p) => `- ${code(p.path)}: ${p.severity}: ${inline(p.message)}`);
    sections.push(`## Problems\n\n${items.join('\n')}\n`);
  }
  sections.push(`${summaryLine(report.summary)}.\n`);
  return sections.join('\n');
}

function documentSection(doc: ReportedDocument, options: ExtractFormatOptions): string {
  const parts = [`## ${code(doc.path)} (${doc.kind})\n`];
  if (doc.problems.length) {
    const where = (p: (typeof doc.problems)[number]) => (p.line !== undefined ? ` (line ${p.line}, column ${p.column ?? 1})` : '');
    parts.push(doc.problems.map((p) => `> **${p.severity}**${where(p)}: ${inline(p.message)}`).join('\n>\n') + '\n');
  }
  if (doc.responses.length === 0) parts.push('No responses found.\n');
  for (const response of doc.responses) parts.push(...responseSection(response, options));
  return parts.join('\n');
}

function responseSection(r: ExtractedResponse, options: ExtractFormatOptions): string[] {
  const parts = [`### ${inline(r.respondent)}${r.date ? ` (${inline(r.date)})` : ''}\n`];
  if (r.consultation) parts.push(`Consultation: ${inline(r.consultation)}\n`);
  if (r.questions.length) {
    const rows = r.questions.map((q) => [
      q.number,
      q.text,
      q.stance,
      uniqueCues(q.stanceCues).join(', '),
      String(r.recommendations.filter((rec) => rec.question === q.number).length),
    ]);
    parts.push(table(['Question', 'Text', 'Stance', 'Cues', 'Recommendations'], rows));
  }
  if (r.recommendations.length) {
    const rows = r.recommendations.map((rec) => [rec.question ?? '—', rec.text, rec.strength, rec.cue, String(rec.line)]);
    parts.push(table(['Question', 'Recommendation', 'Strength', 'Cue', 'Line'], rows));
  } else {
    parts.push('No recommendations found.\n');
  }
  if (options.includePersonalData && r.personalData.length) {
    const rows = r.personalData.map((p) => [p.kind, p.text, String(p.line)]);
    parts.push(table(['Personal data', 'Text', 'Line'], rows));
  }
  return parts;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

/** A table cell: one line, with backslashes and pipes escaped (GFM splits cells on unescaped |). */
function cell(text: string): string {
  return inline(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** Text on one line: line breaks would end a heading, a list item or a table row. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A code span long enough for any backticks inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inline(text)}${pad}${fence}`;
}


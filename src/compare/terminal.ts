// The comparison for reading in a terminal: a short summary, then the tables, fitted to the
// terminal's width (long text wraps; nothing is cut). Narrow terminals get lists instead of tables.

import Table from 'cli-table3';
import { formatProblem } from '../yaml/located-error.js';
import type { Comparison, ComparisonProblem, ComparedRespondent, TableName } from './types.js';
import { lookup } from './lookup.js';
import { wrap } from '../report/wrap.js';
import { paint, type Paint } from '../report/paint.js';

export interface TerminalOptions {
  width: number;
  color: boolean;
  /** Only this table (and no summary). */
  by?: TableName;
}

/** Respondent-and-rule groups listed under "Terminology to fix" before "… and N more". */
const SUMMARY_FIXES = 10;

/** Below this width tables cannot show three readable columns: lists read better. */
const NARROW = 60;

export function comparisonToTerminal(comparison: Comparison, options: TerminalOptions): string {
  const k = paint(options.color);
  const c = withDisplayNames(comparison);
  const parts: string[] = [];
  if (!options.by) parts.push(summary(c, k, options.width));
  const want = (name: TableName) => !options.by || options.by === name;
  if (want('questions')) parts.push(questionsSection(c, k, options.width));
  if (want('recommendations')) parts.push(recommendationsSection(c, k, options.width));
  if (want('terms')) parts.push(termsSection(c, k, options.width));
  if (want('themes')) parts.push(themesSection(c, k, options.width));
  return parts.filter(Boolean).join('\n\n') + '\n';
}

/** `path:line:column: message`, or `path: message` without a position: as lint prints them. */
export function formatComparisonProblem(p: ComparisonProblem): string {
  return formatProblem({ file: p.path, line: p.line, column: p.column, message: p.message });
}

function summary(c: Comparison, k: Paint, width: number): string {
  const lines = [
    k.bold(
      `${plural(c.documents.length, 'document')}, ${plural(c.respondents.length, 'respondent')}, ` +
        `${plural(c.questions.length, 'question')}, ${plural(c.recommendations.length, 'recommendation')}, ` +
        `${plural(c.findings.length, 'terminology finding')}`,
    ),
  ];
  // What a policy officer wants first: who uses a term where another is meant (error-level rules).
  const byRespondentRule = new Map<string, Array<Comparison['findings'][number]>>();
  for (const f of c.findings) {
    if (f.severity !== 'error' || f.respondentId === null) continue;
    const key = `${f.respondentId}\u0000${f.ruleId}`;
    const list = byRespondentRule.get(key);
    if (list) list.push(f);
    else byRespondentRule.set(key, [f]);
  }
  if (byRespondentRule.size) {
    lines.push('', k.bold('Terminology to fix'));
    // The summary stays short however large the corpus: the terminology table has everyone.
    for (const found of [...byRespondentRule.values()].slice(0, SUMMARY_FIXES)) {
      const first = found[0]!;
      const matches = new Map<string, number>();
      for (const f of found) matches.set(f.match.replace(/\s+/g, ' '), (matches.get(f.match.replace(/\s+/g, ' ')) ?? 0) + 1);
      const written = [...matches].map(([m, n]) => `'${m}'${n > 1 ? ` ×${n}` : ''}`).join(', ');
      const lineList = `line${found.length > 1 ? 's' : ''} ${found.map((f) => f.line).join(', ')}`;
      const name = nameOf(c, first.respondentId!);
      // Where to look first (file and lines), then what was written, an example message, the rule.
      const head = `${name}: ${lookup(c).document(first.documentId)!.path}, ${lineList}`;
      lines.push(
        wrap(head, width, 2, 6, [{ start: 0, end: name.length, style: k.bold }]),
        wrap(`wrote ${written}`, width, 4, 6),
        wrap(`e.g. line ${first.line}: ${first.message}`, width, 4, 6),
        wrap(`rule ${first.ruleId}`, width, 4, 6, [{ start: 0, end: `rule ${first.ruleId}`.length, style: k.dim }]),
      );
    }
  }
  const unshown = byRespondentRule.size - SUMMARY_FIXES;
  if (unshown > 0) lines.push(`  … and ${unshown} more: canvass compare --by term lists them all`);
  const others = new Map<string, number>();
  for (const f of c.findings) if (f.severity !== 'error') others.set(f.ruleId, (others.get(f.ruleId) ?? 0) + 1);
  if (others.size) lines.push(wrap(`Also: ${[...others].map(([rule, n]) => `${rule} ×${n}`).join(', ')} (see the terminology table)`, width, 2, 4));
  const stances = new Map<string, number>();
  for (const a of c.answers) stances.set(a.stance, (stances.get(a.stance) ?? 0) + 1);
  if (c.answers.length) lines.push('', `Answers: ${[...stances].map(([s, n]) => `${n} ${s}`).join(', ')}`);
  if (c.themes.length) {
    const counts = c.themes
      .map((t) => ({ label: t.label, n: lookup(c).themeTotal(t.id) }))
      .sort((a, b) => b.n - a.n);
    lines.push(wrap(`Themes (${c.frame}): ${counts.map((t) => `${t.label} ${t.n}`).join(', ')} passages`, width, 0, 2));
  }
  const numbered = legend(c);
  if (numbered.length) lines.push('', 'Documents numbered where respondents share a name:', ...numbered);
  for (const p of c.problems) lines.push(k.red(`  ${formatComparisonProblem(p)}`));
  return lines.join('\n');
}

// --- Questions × respondents, one table per consultation -------------------------------------

function questionsSection(c: Comparison, k: Paint, width: number): string {
  const title = k.bold('Questions × respondents');
  if (c.questions.length === 0) return `${title}\n  No consultation questions were found in these documents.`;
  const out = [title];
  for (const g of byConsultation(c.questions)) {
    const ids = new Set(g.questions.map((q) => q.id));
    const respondents = lookup(c).answeredBy(ids).map((id) => lookup(c).respondent(id)!);
    out.push(consultationHeading(k, g.consultation, width));
    const cell = (qId: number, rId: number) => {
      const a = lookup(c).answer(qId, rId);
      return a ? `${stanceColour(k, a.stance)}\n${plural(a.recommendations, 'rec.', 'recs')}` : k.dim('—');
    };
    const minimums = [30, ...respondents.map(() => 14)];
    // A column per respondent while they fit; a list per question when they do not (a
    // consultation with hundreds of respondents must not print a table wider than the screen).
    if (width < NARROW || !fits(width, minimums)) {
      for (const q of sortQuestions(g.questions)) {
        out.push(`${k.bold(`Q${q.number}`)} ${q.text}`);
        for (const r of respondents) if (lookup(c).answer(q.id, r.id)) out.push(`  ${r.name}: ${cell(q.id, r.id).replace('\n', ', ')}`);
      }
      continue;
    }
    const table = makeTable(k, ['Question', ...respondents.map((r) => r.name)], fit(width, minimums, [4, ...respondents.map(() => 1)]));
    for (const q of sortQuestions(g.questions)) table.push([`${k.bold(`Q${q.number}`)} ${q.text}`, ...respondents.map((r) => cell(q.id, r.id))]);
    out.push(table.toString());
  }
  return out.join('\n');
}

// --- Recommendations by question -------------------------------------------------------------

function recommendationsSection(c: Comparison, k: Paint, width: number): string {
  const title = k.bold('Recommendations by question');
  if (c.recommendations.length === 0) return `${title}\n  No recommendations were found.`;
  const question = (id: number | null) => (id === null ? '—' : `Q${lookup(c).question(id)!.number}`);
  const where = (docId: number, line: number) => `${lookup(c).document(docId)!.path}:${line}`;
  if (width < NARROW) {
    return [
      title,
      ...c.recommendations.map((r) => `${nameOf(c, r.respondentId)} ${question(r.questionId)} (${r.strength}, ${where(r.documentId, r.line)})\n  ${r.text}`),
    ].join('\n');
  }
  const widths = fit(width, [18, 6, 40, 10], [1, 0, 6, 0]);
  const table = makeTable(k, ['Respondent', 'Q', 'Recommendation', 'Strength'], widths);
  for (const r of c.recommendations) {
    // The location is broken to fit before it is styled: a cut path would lose its line number.
    const location = k.dim(breakLongWords(where(r.documentId, r.line), widths[2]! - PADDING));
    table.push([nameOf(c, r.respondentId), question(r.questionId), `${r.text}\n${location}`, r.strength]);
  }
  return `${title}\n${table.toString()}`;
}

// --- Terminology × respondents ---------------------------------------------------------------

function termsSection(c: Comparison, k: Paint, width: number): string {
  const title = k.bold('Terminology × respondents');
  const total = (termId: number) => lookup(c).termTotal(termId);
  // Terms the findings are about come first ("voluntary sector" before "social enterprise"):
  // the table should show at a glance who writes what where another word is meant.
  const flagged = new Set(c.findings.map((f) => f.match.toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')));
  const score = (t: Comparison['terms'][number]) => (flagged.has(t.term.replace(/s$/, '')) ? 1e6 : 0) + total(t.id);
  const used = c.terms.filter((t) => total(t.id) > 0).sort((a, b) => score(b) - score(a));
  const rules = [...new Set(c.findings.map((f) => f.ruleId))].sort();
  const findingsCell = (r: ComparedRespondent) =>
    rules
      .map((rule) => [rule.split('/').pop()!, lookup(c).findingCount(r.id, rule)] as const)
      .filter(([, n]) => n > 0)
      .map(([rule, n]) => `${rule} ×${n}`)
      .join('\n') || k.dim('—');
  const count = (r: ComparedRespondent, termId: number) => lookup(c).termCount(r.id, termId);
  if (width < NARROW) {
    return [
      title,
      ...c.respondents.map(
        (r) =>
          `${r.name}: ${used.map((t) => `${t.term} ${count(r, t.id)}`).filter((s) => !s.endsWith(' 0')).join(', ') || 'none'}; findings: ${findingsCell(r).replace(/\n/g, ', ')}`,
      ),
    ].join('\n');
  }
  // As many term columns as fit beside the respondent and findings columns; the rest are in the exports.
  const termWidth = (t: Comparison['terms'][number]) => labelWidth(t.term);
  let room = width - 18 - 24 - 3;
  const shown: typeof used = [];
  for (const t of used) {
    if (room - termWidth(t) - 1 < 0) break;
    room -= termWidth(t) + 1;
    shown.push(t);
  }
  const table = makeTable(k, ['Respondent', ...shown.map((t) => t.term), 'Findings'], fit(width, [18, ...shown.map(termWidth), 24], [2, ...shown.map(() => 0), 2]));
  for (const r of c.respondents) {
    table.push([r.name, ...shown.map((t) => String(count(r, t.id) || k.dim('0'))), findingsCell(r)]);
  }
  const note = used.length > shown.length ? `\n${k.dim(`${used.length - shown.length} more terms in the exports (--out terms.csv) or with a wider terminal.`)}` : '';
  return `${title}\n${table.toString()}${note}`;
}

// --- Themes ------------------------------------------------------------------------------------

function themesSection(c: Comparison, k: Paint, width: number): string {
  if (c.themes.length === 0) return '';
  const title = k.bold(`Themes × respondents (${c.frame}; passages)`);
  const index = lookup(c);
  const themeWidths = c.themes.map((t) => labelWidth(t.label));
  const asList = width < NARROW || !fits(width, [16, ...themeWidths]);
  const counts = (count: (themeId: number) => number) => c.themes.map((t) => `${t.label} ${count(t.id)}`).join(', ');
  if (asList) {
    const out = [title, ...c.respondents.map((r) => `${r.name}: ${counts((t) => index.themeCount(r.id, t))}`)];
    if (c.questions.length) {
      out.push('', k.bold('Themes × questions'));
      for (const g of byConsultation(c.questions)) {
        out.push(consultationHeading(k, g.consultation, width));
        for (const q of sortQuestions(g.questions)) out.push(`Q${q.number}: ${counts((t) => index.themeQuestionCount(q.id, t))}`);
      }
    }
    return out.join('\n');
  }
  const byRespondent = makeTable(k, ['Respondent', ...c.themes.map((t) => t.label)], fit(width, [16, ...themeWidths], [2, ...c.themes.map(() => 1)]));
  for (const r of c.respondents) byRespondent.push([r.name, ...c.themes.map((t) => String(index.themeCount(r.id, t.id)))]);
  const out = [title, byRespondent.toString()];
  if (c.questions.length) {
    // One table per consultation, as for questions × respondents: Q3 of one is not Q3 of another.
    out.push(k.bold('Themes × questions'));
    for (const g of byConsultation(c.questions)) {
      // Question numbers only: their texts are in the questions table, and would crowd the counts.
      const byQuestion = makeTable(k, ['Question', ...c.themes.map((t) => t.label)], fit(width, [10, ...themeWidths], [1, ...c.themes.map(() => 1)]));
      for (const q of sortQuestions(g.questions)) {
        byQuestion.push([`Q${q.number}`, ...c.themes.map((t) => String(index.themeQuestionCount(q.id, t.id)))]);
      }
      out.push(consultationHeading(k, g.consultation, width), byQuestion.toString());
    }
  }
  return out.join('\n');
}

// --- helpers -------------------------------------------------------------------------------------

/**
 * Names as the tables show them: two respondents with one name (Children England's own response,
 * and Children England in a news article) get their document's number ("Children England [2]",
 * with a legend under the summary).
 */
function withDisplayNames(c: Comparison): Comparison {
  const counts = new Map<string, number>();
  for (const r of c.respondents) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return {
    ...c,
    respondents: c.respondents.map((r) => {
      const name = counts.get(r.name)! > 1 ? `${r.name} [${r.documentId}]` : r.name;
      return { ...r, name };
    }),
  };
}

/** "[n] path" for documents whose respondents' names needed a number. */
function legend(c: Comparison): string[] {
  const ids = new Set(c.respondents.filter((r) => /\[\d+\]$/.test(r.name)).map((r) => r.documentId));
  return [...ids].map((id) => `  [${id}] ${lookup(c).document(id)?.path}`);
}

/** cli-table3's padding, left and right, inside every column width. */
const PADDING = 2;

/**
 * A table whose plain-text cells never lose characters: a word longer than its column (a file
 * name, "Representation") is broken where it can be (after "/", "-", "_", ".") before cli-table3,
 * which would cut it with "…", sees it. Styled cells are short labels and are left as they are.
 */
function makeTable(k: Paint, head: string[], colWidths: number[]): { push(row: string[]): void; toString(): string } {
  const fitted = (cell: string, i: number) => (cell.includes('\u001b') ? cell : breakLongWords(cell, colWidths[i]! - PADDING));
  const table = new Table({
    head: head.map((h, i) => k.bold(fitted(h, i))),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    // Our own colours (chalk decides); cli-table3's would ignore NO_COLOR.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  return {
    push: (row) => void table.push(row.map(fitted)),
    toString: () => table.toString(),
  };
}

/** Words longer than `max` broken onto several lines, at "/", "-", "_" or "." where possible. */
export function breakLongWords(text: string, max: number): string {
  if (max < 1) return text;
  return text
    .split('\n')
    .map((line) => line.replace(/\S+/g, (word) => (word.length <= max ? word : breakWord(word, max))))
    .join('\n');
}

function breakWord(word: string, max: number): string {
  const lines: string[] = [];
  let rest = word;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    // After the last "/" if there is one (a path keeps its file name whole), else "-", "_", ".".
    const slash = head.lastIndexOf('/');
    const at = slash > 0 ? slash : Math.max(head.lastIndexOf('-'), head.lastIndexOf('_'), head.lastIndexOf('.'));
    const cut = at > 0 ? at + 1 : max;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines.join('\n');
}

/** A column wide enough for the longest word of its heading ("Representation" is 14). */
function labelWidth(label: string): number {
  return Math.max(9, ...label.split(/\s+/).map((w) => w.length + PADDING));
}

/** Whether columns of these minimum widths, with their borders, fit in `width`. */
function fits(width: number, minimums: number[]): boolean {
  return minimums.reduce((a, b) => a + b, 0) + minimums.length + 1 <= width;
}

/** Questions grouped by the consultation they belong to, in order of first appearance. */
function byConsultation(questions: Comparison['questions']): Array<{ consultation: string | null; questions: Comparison['questions'] }> {
  const groups = new Map<string, { consultation: string | null; questions: Comparison['questions'] }>();
  for (const q of questions) {
    const key = q.consultation ?? '';
    const g = groups.get(key) ?? { consultation: q.consultation, questions: [] };
    g.questions.push(q);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function consultationHeading(k: Paint, consultation: string | null, width: number): string {
  return k.italic(wrap(consultation ? `Consultation: ${consultation}` : 'Consultation not stated', width, 0, 2));
}

/**
 * Column widths that fill `width`: each column gets its minimum, and what is left is shared out
 * by weight. cli-table3 adds one character per border.
 */
export function fit(width: number, minimums: number[], weights: number[]): number[] {
  const borders = minimums.length + 1;
  const spare = Math.max(0, width - borders - minimums.reduce((a, b) => a + b, 0));
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = minimums.map((m, i) => m + Math.floor((spare * weights[i]!) / weightSum));
  return widths;
}

function sortQuestions<T extends { number: string }>(questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
}

function nameOf(c: Comparison, respondentId: number): string {
  return lookup(c).respondent(respondentId)?.name ?? '';
}

function stanceColour(k: Paint, stance: string): string {
  return stance === 'supportive' ? k.green(stance) : stance === 'critical' ? k.red(stance) : stance === 'mixed' ? k.yellow(stance) : stance;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

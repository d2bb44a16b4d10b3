// The comparison for reading in a terminal: a short summary, then the tables, fitted to the
// terminal's width (long text wraps; nothing is cut). Narrow terminals get lists instead of tables.

import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Comparison, ComparedRespondent, TableName } from './types.js';
import { lookup } from './lookup.js';

export interface TerminalOptions {
  width: number;
  color: boolean;
  /** Only this table (and no summary). */
  by?: TableName;
}

/** Below this width tables cannot show three readable columns: lists read better. */
const NARROW = 60;

export function comparisonToTerminal(comparison: Comparison, options: TerminalOptions): string {
  const k = new Chalk({ level: options.color ? 1 : 0 });
  const c = withDisplayNames(comparison);
  const parts: string[] = [];
  if (!options.by) parts.push(summary(c, k));
  const want = (name: TableName) => !options.by || options.by === name;
  if (want('questions')) parts.push(questionsSection(c, k, options.width));
  if (want('recommendations')) parts.push(recommendationsSection(c, k, options.width));
  if (want('terms')) parts.push(termsSection(c, k, options.width));
  if (want('themes')) parts.push(themesSection(c, k, options.width));
  return parts.filter(Boolean).join('\n\n') + '\n';
}

function summary(c: Comparison, k: ChalkInstance): string {
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
    byRespondentRule.set(key, [...(byRespondentRule.get(key) ?? []), f]);
  }
  if (byRespondentRule.size) {
    lines.push('', k.bold('Terminology to fix'));
    for (const found of byRespondentRule.values()) {
      const first = found[0]!;
      const matches = new Map<string, number>();
      for (const f of found) matches.set(f.match.replace(/\s+/g, ' '), (matches.get(f.match.replace(/\s+/g, ' ')) ?? 0) + 1);
      const written = [...matches].map(([m, n]) => `'${m}'${n > 1 ? ` ×${n}` : ''}`).join(', ');
      lines.push(
        `  ${k.bold(nameOf(c, first.respondentId!))}: ${written} (line${found.length > 1 ? 's' : ''} ${found.map((f) => f.line).join(', ')})  ${k.dim(first.ruleId)}`,
        `    e.g. line ${first.line}: ${first.message}`,
      );
    }
  }
  const others = new Map<string, number>();
  for (const f of c.findings) if (f.severity !== 'error') others.set(f.ruleId, (others.get(f.ruleId) ?? 0) + 1);
  if (others.size) lines.push(`  Also: ${[...others].map(([rule, n]) => `${rule} ×${n}`).join(', ')} (see the terminology table)`);
  const stances = new Map<string, number>();
  for (const a of c.answers) stances.set(a.stance, (stances.get(a.stance) ?? 0) + 1);
  if (c.answers.length) lines.push('', `Answers: ${[...stances].map(([s, n]) => `${n} ${s}`).join(', ')}`);
  if (c.themes.length) {
    const counts = c.themes
      .map((t) => ({ label: t.label, n: lookup(c).themeTotal(t.id) }))
      .sort((a, b) => b.n - a.n);
    lines.push(`Themes (${c.frame}): ${counts.map((t) => `${t.label} ${t.n}`).join(', ')} passages`);
  }
  const numbered = legend(c);
  if (numbered.length) lines.push('', 'Documents numbered where respondents share a name:', ...numbered);
  for (const p of c.problems) lines.push(k.red(`  ${p.path}: ${p.message}`));
  return lines.join('\n');
}

// --- Questions × respondents, one table per consultation -------------------------------------

function questionsSection(c: Comparison, k: ChalkInstance, width: number): string {
  const title = k.bold('Questions × respondents');
  if (c.questions.length === 0) return `${title}\n  No consultation questions were found in these documents.`;
  const groups = new Map<string, { consultation: string | null; questions: typeof c.questions }>();
  for (const q of c.questions) {
    const key = q.consultation ?? '';
    const g = groups.get(key) ?? { consultation: q.consultation, questions: [] };
    g.questions.push(q);
    groups.set(key, g);
  }
  const out = [title];
  for (const g of groups.values()) {
    const ids = new Set(g.questions.map((q) => q.id));
    const respondents = lookup(c).answeredBy(ids).map((id) => lookup(c).respondent(id)!);
    out.push(k.italic(g.consultation ? `Consultation: ${g.consultation}` : 'Consultation not stated'));
    const cell = (qId: number, rId: number) => {
      const a = lookup(c).answer(qId, rId);
      return a ? `${stanceColour(k, a.stance)}\n${plural(a.recommendations, 'rec.', 'recs')}` : k.dim('—');
    };
    if (width < NARROW) {
      for (const q of sortQuestions(g.questions)) {
        out.push(`Q${q.number} ${q.text}`);
        for (const r of respondents) out.push(`  ${r.name}: ${cell(q.id, r.id).replace('\n', ', ')}`);
      }
      continue;
    }
    const table = makeTable(k, ['Question', ...respondents.map((r) => r.name)], fit(width, [30, ...respondents.map(() => 14)], [4, ...respondents.map(() => 1)]));
    for (const q of sortQuestions(g.questions)) table.push([`${k.bold(`Q${q.number}`)} ${q.text}`, ...respondents.map((r) => cell(q.id, r.id))]);
    out.push(table.toString());
  }
  return out.join('\n');
}

// --- Recommendations by question -------------------------------------------------------------

function recommendationsSection(c: Comparison, k: ChalkInstance, width: number): string {
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
  const table = makeTable(k, ['Respondent', 'Q', 'Recommendation', 'Strength'], fit(width, [18, 6, 40, 10], [1, 0, 6, 0]));
  for (const r of c.recommendations) {
    table.push([nameOf(c, r.respondentId), question(r.questionId), `${r.text}\n${k.dim(where(r.documentId, r.line))}`, r.strength]);
  }
  return `${title}\n${table.toString()}`;
}

// --- Terminology × respondents ---------------------------------------------------------------

function termsSection(c: Comparison, k: ChalkInstance, width: number): string {
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
  const termWidth = (t: Comparison['terms'][number]) => Math.max(9, ...t.term.split(/\s+/).map((w) => w.length + 2));
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

function themesSection(c: Comparison, k: ChalkInstance, width: number): string {
  if (c.themes.length === 0) return '';
  const title = k.bold(`Themes × respondents (${c.frame}; passages)`);
  const index = lookup(c);
  if (width < NARROW) {
    return [title, ...c.respondents.map((r) => `${r.name}: ${c.themes.map((t) => `${t.label} ${index.themeCount(r.id, t.id)}`).join(', ')}`)].join('\n');
  }
  const byRespondent = makeTable(k, ['Respondent', ...c.themes.map((t) => t.label)], fit(width, [20, ...c.themes.map(() => 14)], [2, ...c.themes.map(() => 1)]));
  for (const r of c.respondents) byRespondent.push([r.name, ...c.themes.map((t) => String(index.themeCount(r.id, t.id)))]);
  const out = [title, byRespondent.toString()];
  if (c.questions.length) {
    const byQuestion = makeTable(k, ['Question', ...c.themes.map((t) => t.label)], fit(width, [24, ...c.themes.map(() => 14)], [3, ...c.themes.map(() => 1)]));
    for (const q of sortQuestions(c.questions)) {
      byQuestion.push([`Q${q.number} ${q.text}`, ...c.themes.map((t) => String(index.themeQuestionCount(q.id, t.id)))]);
    }
    out.push(k.bold('Themes × questions'), byQuestion.toString());
  }
  return out.join('\n');
}

// --- helpers -------------------------------------------------------------------------------------

/**
 * Names as the tables show them: two respondents with one name (Children England's own response,
 * and Children England in a news article) get their document's number ("Children England [2]",
 * with a legend under the summary); a name made of a file name breaks at its hyphens, so a narrow
 * column wraps it instead of cutting it.
 */
function withDisplayNames(c: Comparison): Comparison {
  const counts = new Map<string, number>();
  for (const r of c.respondents) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return {
    ...c,
    respondents: c.respondents.map((r) => {
      const name = counts.get(r.name)! > 1 ? `${r.name} [${r.documentId}]` : r.name;
      return { ...r, name: name.includes(' ') ? name : breakAtHyphens(name, 18) };
    }),
  };
}

function breakAtHyphens(word: string, max: number): string {
  const parts = word.split(/(?<=-)/);
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + part.length <= max) lines[lines.length - 1] = last + part;
    else lines.push(part);
  }
  return lines.join('\n');
}

/** "[n] path" for documents whose respondents' names needed a number. */
function legend(c: Comparison): string[] {
  const ids = new Set(c.respondents.filter((r) => /\[\d+\]$/.test(r.name)).map((r) => r.documentId));
  return [...ids].map((id) => `  [${id}] ${lookup(c).document(id)?.path}`);
}

function makeTable(k: ChalkInstance, head: string[], colWidths: number[]): Table.Table {
  return new Table({
    head: head.map((h) => k.bold(h)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    // Our own colours (chalk decides); cli-table3's would ignore NO_COLOR.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
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

function stanceColour(k: ChalkInstance, stance: string): string {
  return stance === 'supportive' ? k.green(stance) : stance === 'critical' ? k.red(stance) : stance === 'mixed' ? k.yellow(stance) : stance;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

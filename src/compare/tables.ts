// The comparison as tables (rows of cells): what CSV, XLSX and Markdown export, and what the
// terminal shows (pivoted to fit). Pure functions of the Comparison.

import { lookup } from './lookup.js';
import type { Comparison, Table, TableName } from './types.js';

const respondentName = (c: Comparison, id: number | null) => (id === null ? '' : (lookup(c).respondent(id)?.name ?? ''));
const documentPath = (c: Comparison, id: number) => lookup(c).document(id)?.path ?? '';

/** Questions × respondents: one row per answer (who answered which question, how, how many recommendations). */
export function questionsTable(c: Comparison): Table {
  return {
    name: 'questions',
    title: 'Questions × respondents',
    columns: ['consultation', 'question', 'question text', 'respondent', 'stance', 'stance cues', 'recommendations', 'file', 'line'],
    rows: c.answers.map((a) => {
      const q = lookup(c).question(a.questionId)!;
      const r = lookup(c).respondent(a.respondentId)!;
      return [q.consultation, q.number, q.text, r.name, a.stance, a.stanceCues.join(', '), a.recommendations, documentPath(c, r.documentId), a.line];
    }),
  };
}

/** Recommendations by question: respondent, question, the recommendation in full, strength. */
export function recommendationsTable(c: Comparison): Table {
  return {
    name: 'recommendations',
    title: 'Recommendations by question',
    columns: ['respondent', 'question', 'recommendation', 'strength', 'cue', 'target', 'emphasised', 'file', 'line', 'column'],
    rows: c.recommendations.map((rec) => {
      const q = rec.questionId === null ? undefined : lookup(c).question(rec.questionId);
      return [
        respondentName(c, rec.respondentId),
        q?.number ?? null,
        rec.text,
        rec.strength,
        rec.cue,
        rec.target,
        rec.emphasised,
        documentPath(c, rec.documentId),
        rec.line,
        rec.column,
      ];
    }),
  };
}

/** Terminology × respondents: how often each respondent uses each term, and findings per rule. */
export function termsTable(c: Comparison): Table {
  const rules = [...new Set(c.findings.map((f) => f.ruleId))].sort();
  const index = lookup(c);
  return {
    name: 'terms',
    title: 'Terminology × respondents',
    columns: ['respondent', 'file', ...c.terms.map((t) => t.term), ...rules.map((r) => `findings: ${r}`)],
    rows: c.respondents.map((r) => [
      r.name,
      documentPath(c, r.documentId),
      ...c.terms.map((t) => index.termCount(r.id, t.id)),
      ...rules.map((rule) => index.findingCount(r.id, rule)),
    ]),
  };
}

/** Themes × respondents: passages per theme. */
export function themesTable(c: Comparison): Table {
  return {
    name: 'themes',
    title: `Themes × respondents${c.frame ? ` (${c.frame})` : ''}`,
    columns: ['respondent', 'file', ...c.themes.map((t) => t.label)],
    rows: c.respondents.map((r) => [
      r.name,
      documentPath(c, r.documentId),
      ...c.themes.map((t) => lookup(c).themeCount(r.id, t.id)),
    ]),
  };
}

/** Themes × questions: passages per theme in the answers to each question. */
export function themeQuestionsTable(c: Comparison): Table {
  return {
    name: 'theme-questions',
    title: 'Themes × questions',
    columns: ['consultation', 'question', 'question text', ...c.themes.map((t) => t.label)],
    rows: c.questions.map((q) => [
      q.consultation,
      q.number,
      q.text,
      ...c.themes.map((t) => lookup(c).themeQuestionCount(q.id, t.id)),
    ]),
  };
}

/** Every terminology finding, located. */
export function findingsTable(c: Comparison): Table {
  return {
    name: 'findings',
    title: 'Terminology findings',
    columns: ['respondent', 'rule', 'severity', 'message', 'match', 'file', 'line', 'column'],
    rows: c.findings.map((f) => [respondentName(c, f.respondentId), f.ruleId, f.severity, f.message, f.match, documentPath(c, f.documentId), f.line, f.column]),
  };
}

/** The tables for a table name (themes brings its by-question companion). */
export function tablesFor(c: Comparison, name?: TableName): Table[] {
  const all: Record<TableName, () => Table[]> = {
    questions: () => [questionsTable(c)],
    recommendations: () => [recommendationsTable(c)],
    terms: () => [termsTable(c), findingsTable(c)],
    themes: () => (c.themes.length ? [themesTable(c), themeQuestionsTable(c)] : []),
  };
  if (name) return all[name]();
  return [...all.questions(), ...all.recommendations(), ...all.terms(), ...all.themes()];
}

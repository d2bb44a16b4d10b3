// The comparison as JSON, for programs. The schema is documented in docs/json-output.md
// ("canvass compare") and is a compatibility promise: objects are built field by field, so the
// key order is fixed and nothing else leaks out (not `sources`, the documents' text).

import type {
  ComparedAnswer,
  ComparedDocument,
  ComparedFinding,
  ComparedQuestion,
  ComparedRecommendation,
  ComparedRespondent,
  ComparedTerm,
  ComparedTheme,
  Comparison,
  TermUsage,
  ThemeHit,
} from '../types.js';

export const COMPARE_JSON_VERSION = 1;

export function comparisonToJson(c: Comparison): string {
  const output = {
    version: COMPARE_JSON_VERSION,
    tool: 'canvass',
    command: 'compare',
    documents: c.documents.map(documentJson),
    respondents: c.respondents.map(respondentJson),
    questions: c.questions.map(questionJson),
    answers: c.answers.map(answerJson),
    recommendations: c.recommendations.map(recommendationJson),
    findings: c.findings.map(findingJson),
    terms: c.terms.map(termJson),
    termUsage: c.termUsage.map(termUsageJson),
    frame: c.frame,
    themes: c.themes.map(themeJson),
    themeHits: c.themeHits.map(themeHitJson),
    problems: c.problems.map((p) => ({ path: p.path, line: p.line, column: p.column, message: p.message })),
  };
  return JSON.stringify(output, null, 2) + '\n';
}

const documentJson = (d: ComparedDocument) => ({ id: d.id, path: d.path, kind: d.kind });

const respondentJson = (r: ComparedRespondent) => ({
  id: r.id,
  documentId: r.documentId,
  name: r.name,
  consultation: r.consultation,
  date: r.date,
  line: r.line,
  endLine: r.endLine,
});

const questionJson = (q: ComparedQuestion) => ({ id: q.id, consultation: q.consultation, number: q.number, text: q.text });

const answerJson = (a: ComparedAnswer) => ({
  respondentId: a.respondentId,
  questionId: a.questionId,
  stance: a.stance,
  stanceCues: [...a.stanceCues],
  recommendations: a.recommendations,
  line: a.line,
});

const recommendationJson = (r: ComparedRecommendation) => ({
  id: r.id,
  respondentId: r.respondentId,
  questionId: r.questionId,
  documentId: r.documentId,
  text: r.text,
  cue: r.cue,
  strength: r.strength,
  emphasised: r.emphasised,
  target: r.target,
  line: r.line,
  column: r.column,
});

const findingJson = (f: ComparedFinding) => ({
  id: f.id,
  respondentId: f.respondentId,
  documentId: f.documentId,
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
  match: f.match,
  line: f.line,
  column: f.column,
});

const termJson = (t: ComparedTerm) => ({ id: t.id, term: t.term });

const termUsageJson = (u: TermUsage) => ({ respondentId: u.respondentId, termId: u.termId, count: u.count });

const themeJson = (t: ComparedTheme) => ({ id: t.id, key: t.key, label: t.label });

const themeHitJson = (h: ThemeHit) => ({
  themeId: h.themeId,
  respondentId: h.respondentId,
  questionId: h.questionId,
  documentId: h.documentId,
  line: h.line,
  match: h.match,
});

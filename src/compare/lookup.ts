// Indexes over a Comparison, so tables, the terminal view and the exports find "this respondent's
// count of this term" by key rather than by scanning every row: a 100,000-response comparison
// would otherwise be quadratic. Built once per Comparison and cached (the Comparison is not
// mutated after assemble()).

import type { ComparedAnswer, ComparedDocument, ComparedQuestion, ComparedRespondent, Comparison } from './types.js';

export interface ComparisonLookup {
  document(id: number): ComparedDocument | undefined;
  respondent(id: number): ComparedRespondent | undefined;
  question(id: number): ComparedQuestion | undefined;
  /** The answer of a respondent to a question. */
  answer(questionId: number, respondentId: number): ComparedAnswer | undefined;
  /** Respondent ids that answered at least one of these questions, in respondent order. */
  answeredBy(questionIds: ReadonlySet<number>): number[];
  termCount(respondentId: number, termId: number): number;
  /** All uses of a term across respondents. */
  termTotal(termId: number): number;
  /** Findings of a rule within a respondent's response. */
  findingCount(respondentId: number, ruleId: string): number;
  themeCount(respondentId: number, themeId: number): number;
  themeQuestionCount(questionId: number, themeId: number): number;
  themeTotal(themeId: number): number;
  /** Recommendations under a question (null: outside any question). */
  recommendationCount(questionId: number | null): number;
}

const cache = new WeakMap<Comparison, ComparisonLookup>();

export function lookup(c: Comparison): ComparisonLookup {
  let index = cache.get(c);
  if (!index) {
    index = buildLookup(c);
    cache.set(c, index);
  }
  return index;
}

const pair = (a: number | string | null, b: number | string) => `${a}\u0000${b}`;

function counter<K>() {
  const map = new Map<K, number>();
  return { add: (key: K, n = 1) => map.set(key, (map.get(key) ?? 0) + n), get: (key: K) => map.get(key) ?? 0 };
}

function buildLookup(c: Comparison): ComparisonLookup {
  const documents = new Map(c.documents.map((d) => [d.id, d]));
  const respondents = new Map(c.respondents.map((r) => [r.id, r]));
  const questions = new Map(c.questions.map((q) => [q.id, q]));
  const answers = new Map(c.answers.map((a) => [pair(a.questionId, a.respondentId), a]));
  const questionsOf = new Map<number, number[]>();
  for (const a of c.answers) {
    const list = questionsOf.get(a.respondentId) ?? [];
    list.push(a.questionId);
    questionsOf.set(a.respondentId, list);
  }
  const terms = counter<string>();
  const termTotals = counter<number>();
  for (const u of c.termUsage) {
    terms.add(pair(u.respondentId, u.termId), u.count);
    termTotals.add(u.termId, u.count);
  }
  const findings = counter<string>();
  for (const f of c.findings) if (f.respondentId !== null) findings.add(pair(f.respondentId, f.ruleId));
  const themes = counter<string>();
  const themeQuestions = counter<string>();
  const themeTotals = counter<number>();
  for (const h of c.themeHits) {
    themes.add(pair(h.respondentId, h.themeId));
    if (h.questionId !== null) themeQuestions.add(pair(h.questionId, h.themeId));
    themeTotals.add(h.themeId);
  }
  const recommendations = counter<number | null>();
  for (const r of c.recommendations) recommendations.add(r.questionId);

  return {
    document: (id) => documents.get(id),
    respondent: (id) => respondents.get(id),
    question: (id) => questions.get(id),
    answer: (questionId, respondentId) => answers.get(pair(questionId, respondentId)),
    answeredBy: (ids) => c.respondents.filter((r) => (questionsOf.get(r.id) ?? []).some((q) => ids.has(q))).map((r) => r.id),
    termCount: (respondentId, termId) => terms.get(pair(respondentId, termId)),
    termTotal: (termId) => termTotals.get(termId),
    findingCount: (respondentId, ruleId) => findings.get(pair(respondentId, ruleId)),
    themeCount: (respondentId, themeId) => themes.get(pair(respondentId, themeId)),
    themeQuestionCount: (questionId, themeId) => themeQuestions.get(pair(questionId, themeId)),
    themeTotal: (themeId) => themeTotals.get(themeId),
    recommendationCount: (questionId) => recommendations.get(questionId),
  };
}

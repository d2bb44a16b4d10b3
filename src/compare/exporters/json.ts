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
import { nestedElements } from '../../report/formatters/json-nested.js';

export const COMPARE_JSON_VERSION = 1;

export function comparisonToJson(c: Comparison): string {
  return Array.from(comparisonJsonPieces(c)).join('');
}

/**
 * Characters per piece of text the batches of rows aim at. A call of JSON.stringify per row costs
 * more than the text it makes, so rows go in batches; but a string over V8's largest regular
 * object (128 KB: 64K characters of two-byte text, which any curly quote makes) is allocated in
 * the large-object space, and a piece that size was made and written 2-3 times slower (batches
 * of 2,000 rows: 0.22 s for a 2,000-document comparison's recommendations and theme hits, against
 * 0.09 s in pieces of 20-50K characters).
 */
const PIECE_CHARS = 24_000;
const FIRST_BATCH_ROWS = 64;
const MAX_BATCH_ROWS = 4096;

/**
 * The same text as JSON.stringify(output, null, 2) + '\n', in pieces: a batch of rows at a time
 * (tens of kilobytes), so a large comparison is never a second copy of itself (the output objects
 * of every row at once) nor one string of 100 MB and more. The pieces are handed on as they are,
 * not joined into larger ones: JSON.stringify's result is a tree of parts that each copy would
 * flatten again.
 */
export function* comparisonJsonPieces(c: Comparison): Generator<string> {
  const fields: Array<[string, unknown[] | string | number | null, ((row: never) => unknown)?]> = [
    ['version', COMPARE_JSON_VERSION],
    ['tool', 'canvass'],
    ['command', 'compare'],
    ['documents', c.documents, documentJson],
    ['respondents', c.respondents, respondentJson],
    ['questions', c.questions, questionJson],
    ['answers', c.answers, answerJson],
    ['recommendations', c.recommendations, recommendationJson],
    ['findings', c.findings, findingJson],
    ['terms', c.terms, termJson],
    ['termUsage', c.termUsage, termUsageJson],
    ['frame', c.frame],
    ['themes', c.themes, themeJson],
    ['themeHits', c.themeHits, themeHitJson],
    ['problems', c.problems, problemJson],
  ];
  for (const [k, [key, value, toJson]] of fields.entries()) {
    const name = `${k === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || !toJson) {
      yield name + JSON.stringify(value);
      continue;
    }
    if (value.length === 0) {
      yield `${name}[]`;
      continue;
    }
    yield `${name}[\n`;
    let batch = FIRST_BATCH_ROWS;
    for (let from = 0; from < value.length; ) {
      if (from > 0) yield ',\n';
      const rows = value.slice(from, from + batch);
      const piece = nestedElements(
        rows.map((row) => toJson(row as never)),
        1,
      );
      yield piece;
      from += rows.length;
      // The next batch sized from this one's rows, so pieces stay near PIECE_CHARS.
      batch = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor((rows.length * PIECE_CHARS) / Math.max(1, piece.length))));
    }
    yield '\n  ]';
  }
  yield '\n}\n';
}

const problemJson = (p: Comparison['problems'][number]) => ({ path: p.path, line: p.line, column: p.column, message: p.message });

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

// One flat row per recommendation: the shape of jsonl and csv output, for pandas, R or a
// spreadsheet. Column order is part of the contract.

import type { ReportedDocument } from '../../extract-report.js';

export interface RecommendationRow {
  path: string;
  kind: string;
  respondent: string;
  question: string | null;
  questionText: string | null;
  stance: string | null;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  cue: string;
  strength: string;
  emphasised: boolean;
  target: string | null;
}

export const ROW_COLUMNS = [
  'path',
  'kind',
  'respondent',
  'question',
  'questionText',
  'stance',
  'text',
  'line',
  'column',
  'endLine',
  'endColumn',
  'cue',
  'strength',
  'emphasised',
  'target',
] as const satisfies ReadonlyArray<keyof RecommendationRow>;

export function documentRows(doc: ReportedDocument): RecommendationRow[] {
  const rows: RecommendationRow[] = [];
  for (const response of doc.responses) {
    for (const r of response.recommendations) {
      const question = r.question === null ? undefined : response.questions.find((q) => q.number === r.question);
      // Built field by field, in ROW_COLUMNS order.
      rows.push({
        path: doc.path,
        kind: doc.kind,
        respondent: response.respondent,
        question: r.question,
        questionText: question?.text ?? null,
        stance: question?.stance ?? null,
        text: r.text,
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        endColumn: r.endColumn,
        cue: r.cue,
        strength: r.strength,
        emphasised: r.emphasised,
        target: r.target,
      });
    }
  }
  return rows;
}

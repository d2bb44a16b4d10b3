// Small helpers shared by the extract formatters.

import type { ExtractSummary } from '../../extract-report.js';

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "5 documents, 13 responses, 9 questions, 89 recommendations" (and input errors, if any). */
export function summaryLine(s: ExtractSummary): string {
  const parts = [
    plural(s.documents, 'document'),
    plural(s.responses, 'response'),
    plural(s.questions, 'question'),
    plural(s.recommendations, 'recommendation'),
  ];
  if (s.inputErrors) parts.push(plural(s.inputErrors, 'input error'));
  return parts.join(', ');
}

/** Stance cues without repeats ("lack of" found twice is shown once), in document order. */
export function uniqueCues(cues: readonly string[]): string[] {
  return [...new Set(cues)];
}

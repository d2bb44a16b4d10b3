// A comparison across a corpus: pure data, built by compare.ts from lint and extract results and
// turned into terminal tables and exports (CSV, JSON, Markdown, HTML, XLSX, SQLite) late.
// The JSON export is this object (documented in docs/json-output.md).

import type { DocumentKind, Stance, Strength } from '../extract/types.js';
import type { Severity } from '../packs/types.js';

export interface ComparedDocument {
  /** 1-based, stable within one comparison (the order of the inputs). */
  id: number;
  path: string;
  kind: DocumentKind;
}

export interface ComparedRespondent {
  id: number;
  documentId: number;
  name: string;
  /** The consultation the response names, if it does: questions are compared within one. */
  consultation: string | null;
  date: string | null;
  line: number;
  endLine: number;
}

export interface ComparedQuestion {
  /** Questions are keyed by consultation and number: Q3 of one consultation is not Q3 of another. */
  id: number;
  consultation: string | null;
  number: string;
  text: string;
}

export interface ComparedAnswer {
  respondentId: number;
  questionId: number;
  stance: Stance;
  stanceCues: string[];
  recommendations: number;
  line: number;
}

export interface ComparedRecommendation {
  id: number;
  respondentId: number;
  /** null outside any question. */
  questionId: number | null;
  text: string;
  cue: string;
  strength: Strength;
  emphasised: boolean;
  target: string | null;
  documentId: number;
  line: number;
  column: number;
}

export interface ComparedFinding {
  id: number;
  /** null when the finding lies outside every response (e.g. page furniture). */
  respondentId: number | null;
  documentId: number;
  ruleId: string;
  severity: Severity;
  message: string;
  match: string;
  line: number;
  column: number;
}

export interface ComparedTerm {
  id: number;
  /** The term as the packs write it ("third sector", "voluntary and community sector"). */
  term: string;
}

export interface TermUsage {
  respondentId: number;
  termId: number;
  count: number;
}

export interface ComparedTheme {
  id: number;
  /** The frame's key for it ("commissioning"). */
  key: string;
  label: string;
}

/** A passage (paragraph or list item) that speaks of a theme. */
export interface ThemeHit {
  themeId: number;
  respondentId: number;
  questionId: number | null;
  documentId: number;
  line: number;
  /** The first term of the theme found in the passage, as written. */
  match: string;
}

/** What the comparison left out, and why: as lint's config problems, a position of 0 is none. */
export interface ComparisonProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface Comparison {
  version: 1;
  documents: ComparedDocument[];
  respondents: ComparedRespondent[];
  questions: ComparedQuestion[];
  answers: ComparedAnswer[];
  recommendations: ComparedRecommendation[];
  findings: ComparedFinding[];
  terms: ComparedTerm[];
  termUsage: TermUsage[];
  /** The coding frame's name, when themes were coded. */
  frame: string | null;
  themes: ComparedTheme[];
  themeHits: ThemeHit[];
  /** Inputs that could not be read, and config/pack/frame problems: the comparison leaves them out. */
  problems: ComparisonProblem[];
  /**
   * Each document's text, for exports that link every row to its file:line (HTML). Personal
   * data is already replaced unless --include-personal-data was given. Not in the JSON export.
   */
  sources?: Array<{ documentId: number; text: string }>;
}

/** The tables every output offers: `--by` and `--table` take these names. */
export const TABLE_NAMES = ['questions', 'recommendations', 'terms', 'themes'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A table as rows of cells, the common ground of every tabular export (CSV, XLSX, Markdown). */
export interface Table {
  name: TableName | 'theme-questions' | 'findings';
  title: string;
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

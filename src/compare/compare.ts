// Build a Comparison: every document linted and extracted once (sharing one Document), the
// pack's terms counted per respondent, a coding frame's themes counted per passage, and all of it
// put side by side with ids that link the entities. Pure: the CLI does the reading and writing.

import type { Document } from '../document/model.js';
import { detached, detachedOrNull } from '../document/detached.js';
import { extractDocument } from '../extract/extract-document.js';
import type { ExtractedDocument, ExtractedQuestion, ExtractedResponse } from '../extract/types.js';
import type { RuleSet } from '../lint/compile.js';
import type { Finding } from '../lint/finding.js';
import { findDirectives, hitsOutsideDirectives } from '../lint/directives.js';
import { lintDocument } from '../lint/lint-document.js';
import { Scanner, type FlatHits } from '../lint/scanner.js';
import { compileTerm, isRegexTerm, type TermPattern } from '../lint/terms.js';
import type { Rule } from '../packs/types.js';
import { findPersonalData, redact } from '../structure/personal-data.js';
import type { Frame } from './frame.js';
import type { Comparison, ComparedQuestion } from './types.js';

/** What one document contributes, before ids are assigned across the corpus. */
export interface DocumentAnalysis {
  path: string;
  extracted: ExtractedDocument;
  findings: Finding[];
  /** Per response (same order as extracted.responses): term -> count. */
  termCounts: Array<Map<string, number>>;
  /** Theme passages: theme key, response index, question number or null, line, match. */
  themeHits: Array<{ theme: string; response: number; question: string | null; line: number; match: string }>;
  /** The text to embed in exports that show it (HTML), personal data replaced unless asked to keep it. */
  source?: string;
}

export interface AnalysisOptions {
  /**
   * The document scanned and linted already (on the read-ahead thread): used when the hits come
   * from this rule set's counting scanner, the one the findings' rules and owners belong to.
   */
  linted?: { hits: { scanner: Scanner; flat: FlatHits }; findings: Finding[] };
  includePersonalData?: boolean;
  /** Keep the document's text for the export (only HTML shows it: the rest would hold it for nothing). */
  withSource?: boolean;
}

/** Terms the packs care about: every phrase in their rules, once (regex terms cannot be counted by name). */
export function termsOf(ruleSets: readonly RuleSet[]): string[] {
  const seen = new Map<string, string>();
  const add = (term: string) => {
    if (isRegexTerm(term)) return;
    const key = term.toLowerCase().replace(/[\s\u00a0\-\u2010\u2011]+/g, ' ').trim();
    if (!seen.has(key)) seen.set(key, term.toLowerCase());
  };
  for (const set of ruleSets) for (const { rule } of set.rules) for (const term of phrasesOf(rule)) add(term);
  return [...seen.values()];
}

function phrasesOf(rule: Rule): string[] {
  const near = [...(rule.when ?? []), ...(rule.unless ?? [])].flatMap((c) => c.near);
  switch (rule.kind) {
    case 'substitution':
      return [...Object.keys(rule.swap), ...Object.values(rule.swap), ...near];
    case 'existence':
      return [...rule.terms, ...near];
    case 'consistency':
      return [...rule.variants.flat(), ...near];
    case 'near-miss':
      return [...rule.terms, ...near];
    case 'acronym':
      return near;
  }
}

/** The terms and the frame's themes to count, compiled once for a whole corpus. */
export interface Counters {
  terms: string[];
  frame: Frame | undefined;
  termPatterns: TermPattern[];
  themePatterns: TermPattern[][];
  /** Per rule set, a scanner that finds its rules' hits, the terms and the themes in one pass. */
  scanners: Map<RuleSet | undefined, CountingScanner>;
}

/** A rule set's scanner extended with the terms and themes: owners after the rules' own. */
export interface CountingScanner {
  scanner: Scanner;
  termOwners: number[];
  themeOwners: number[];
}

export function makeCounters(terms: string[], frame: Frame | undefined): Counters {
  return {
    terms,
    frame,
    termPatterns: terms.map((t) => compileTerm(t, false)),
    themePatterns: (frame?.themes ?? []).map((theme) => theme.terms.map((t) => compileTerm(t, false))),
    scanners: new Map(),
  };
}

/**
 * The scanner for documents linted with `ruleSet`: lint, term counts and theme counts read the
 * text once between them (a pass each cost compare about 0.16 s more per 50 MB).
 */
export function countingScanner(counters: Counters, ruleSet: RuleSet | undefined): CountingScanner {
  let counting = counters.scanners.get(ruleSet);
  if (!counting) {
    const scanner = ruleSet ? ruleSet.scanner.extended() : new Scanner();
    counting = {
      scanner,
      termOwners: counters.termPatterns.map((p) => scanner.register([p])),
      themeOwners: counters.themePatterns.map((patterns) => scanner.register(patterns)),
    };
    counters.scanners.set(ruleSet, counting);
  }
  return counting;
}

/** Lint, extract and count one document. */
export async function analyseDocument(
  doc: Document,
  ruleSet: RuleSet | undefined,
  counters: Counters,
  options: AnalysisOptions = {},
): Promise<DocumentAnalysis> {
  const extracted = await extractDocument(doc, { includePersonalData: options.includePersonalData ?? false });
  const counting = countingScanner(counters, ruleSet);
  const linted = options.linted?.hits.scanner === counting.scanner ? options.linted : undefined;
  const scanned = linted ? counting.scanner.hitsFrom(linted.hits.flat) : counting.scanner.scan(doc.text);
  // Found once for lint and the counts; a text without "canvass-" costs one search of it.
  const directives = findDirectives(doc);
  const findings = linted ? linted.findings : ruleSet ? lintDocument(doc, ruleSet, scanned, directives) : [];
  // A directive is not prose: its words (a rule id such as 'third-sector/co-operation') are not
  // counted as terms or themes, as lint does not flag them.
  const hits = directives.length ? hitsOutsideDirectives(scanned, directives) : scanned;
  const ranges = extracted.responses.map((r) => responseRange(doc, r));
  const responseAt = (offset: number) => containing(ranges, offset);

  const termCounts = extracted.responses.map(() => new Map<string, number>());
  counting.termOwners.forEach((owner, i) => {
    for (const hit of hits[owner] ?? []) {
      const r = responseAt(hit.start);
      if (r >= 0) termCounts[r]!.set(counters.terms[i]!, (termCounts[r]!.get(counters.terms[i]!) ?? 0) + 1);
    }
  });

  const themeHits: DocumentAnalysis['themeHits'] = [];
  if (counters.frame) {
    counters.frame.themes.forEach((theme, i) => {
      const seenBlocks = new Set<number>();
      for (const hit of hits[counting.themeOwners[i]!] ?? []) {
        const block = doc.blockAt(hit.start);
        if (!block || block.containers.includes('footnote') || seenBlocks.has(block.start)) continue;
        seenBlocks.add(block.start);
        const r = responseAt(hit.start);
        if (r < 0) continue;
        const question = answeredAt(extracted.responses[r]!.questions, hit.start);
        themeHits.push({
          theme: theme.key,
          response: r,
          question: question?.number ?? null,
          line: doc.lines.position(block.start).line,
          match: doc.text.slice(hit.start, hit.end).replace(/\s+/g, ' '),
        });
      }
    });
  }

  // Its strings may still point into the text: the builder copies those it keeps (detached()).
  const analysis: DocumentAnalysis = { path: doc.path, extracted, findings, termCounts, themeHits };
  if (options.withSource) analysis.source = options.includePersonalData ? doc.text : redact(doc.text, 0, findPersonalData(doc));
  return analysis;
}

/**
 * The question whose answer holds `offset` (the first, when one mark carries several numbers).
 * Answers are in document order and do not overlap: a search, as one file may hold thousands.
 */
function answeredAt(questions: readonly ExtractedQuestion[], offset: number): ExtractedQuestion | undefined {
  let lo = 0;
  let hi = questions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (questions[mid]!.answerStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  let i = lo - 1;
  while (i > 0 && questions[i - 1]!.answerStart === questions[i]!.answerStart) i--;
  const q = questions[i];
  return q && offset < q.answerEnd ? q : undefined;
}

function responseRange(doc: Document, r: ExtractedResponse): [number, number] {
  return [doc.lines.lineStart(r.line), doc.lines.lineEnd(r.endLine) + 1];
}

/**
 * The index of the range holding a position, or -1. Responses come in document order and do not
 * overlap, so a binary search: a spreadsheet of 100,000 responses is one document.
 */
export function containing(ranges: ReadonlyArray<readonly [number, number]>, position: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (position < start) hi = mid - 1;
    else if (position >= end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const consultationKey = (c: string | null) => (c ?? '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/** Put the analyses side by side, with ids. */
export function assemble(
  analyses: readonly DocumentAnalysis[],
  counters: Counters,
  problems: Comparison['problems'],
  options: { withSources?: boolean } = {},
): Comparison {
  const builder = new ComparisonBuilder(counters, problems, options);
  for (const analysis of analyses) builder.add(analysis);
  return builder.comparison;
}

/**
 * The comparison built a document at a time, in input order: each analysis is added as soon as it
 * is made and can then be let go, so a large corpus never holds all its analyses and all its rows
 * at once (garbage collection copied the analyses of a 50 MB corpus twice over).
 */
export class ComparisonBuilder {
  readonly comparison: Comparison;
  private readonly questionIds = new Map<string, ComparedQuestion>();
  private readonly themeIds: Map<string, number>;

  constructor(
    private readonly counters: Counters,
    problems: Comparison['problems'],
    options: { withSources?: boolean } = {},
  ) {
    this.comparison = {
      version: 1,
      documents: [],
      respondents: [],
      questions: [],
      answers: [],
      recommendations: [],
      findings: [],
      terms: counters.terms.map((term, i) => ({ id: i + 1, term })),
      termUsage: [],
      frame: counters.frame?.name ?? null,
      themes: (counters.frame?.themes ?? []).map((t, i) => ({ id: i + 1, key: t.key, label: t.label })),
      themeHits: [],
      problems,
      ...(options.withSources ? { sources: [] } : {}),
    };
    this.themeIds = new Map(this.comparison.themes.map((t) => [t.key, t.id]));
  }

  private questionId(consultation: string | null, number: string, text: string): number {
    const key = `${consultationKey(consultation)}\u0000${number}`;
    let q = this.questionIds.get(key);
    if (!q) {
      q = { id: this.questionIds.size + 1, consultation: detachedOrNull(consultation), number: detached(number), text: detached(text) };
      this.questionIds.set(key, q);
      this.comparison.questions.push(q);
    }
    return q.id;
  }

  add(analysis: DocumentAnalysis): void {
    const c = this.comparison;
    const documentId = c.documents.length + 1;
    const themeHitsOf = groupBy(analysis.themeHits, (h) => h.response);
    c.documents.push({ id: documentId, path: analysis.path, kind: analysis.extracted.kind });
    if (analysis.source !== undefined) c.sources?.push({ documentId, text: analysis.source });
    const respondentIds: number[] = [];
    analysis.extracted.responses.forEach((response, r) => {
      const respondentId = c.respondents.length + 1;
      respondentIds.push(respondentId);
      c.respondents.push({
        id: respondentId,
        documentId,
        name: detached(response.respondent),
        consultation: detachedOrNull(response.consultation),
        date: detachedOrNull(response.date),
        line: response.line,
        endLine: response.endLine,
      });
      const byNumber = new Map<string, number>();
      const recommendationsPer = new Map<string | null, number>();
      for (const rec of response.recommendations) recommendationsPer.set(rec.question, (recommendationsPer.get(rec.question) ?? 0) + 1);
      for (const q of response.questions) {
        // One answer per question per respondent: a number met twice is the same question.
        if (byNumber.has(q.number)) continue;
        const id = this.questionId(response.consultation, q.number, q.text);
        byNumber.set(q.number, id);
        c.answers.push({
          respondentId,
          questionId: id,
          stance: q.stance,
          stanceCues: q.stanceCues.map(detached),
          recommendations: recommendationsPer.get(q.number) ?? 0,
          line: q.line,
        });
      }
      for (const rec of response.recommendations) {
        c.recommendations.push({
          id: c.recommendations.length + 1,
          respondentId,
          questionId: rec.question === null ? null : (byNumber.get(rec.question) ?? null),
          text: detached(rec.text),
          cue: detached(rec.cue),
          strength: rec.strength,
          emphasised: rec.emphasised,
          target: detachedOrNull(rec.target),
          documentId,
          line: rec.line,
          column: rec.column,
        });
      }
      this.counters.terms.forEach((term, i) => {
        const count = analysis.termCounts[r]?.get(term) ?? 0;
        if (count > 0) c.termUsage.push({ respondentId, termId: i + 1, count });
      });
      for (const hit of themeHitsOf.get(r) ?? []) {
        c.themeHits.push({
          themeId: this.themeIds.get(hit.theme)!,
          respondentId,
          questionId: hit.question === null ? null : (byNumber.get(hit.question) ?? null),
          documentId,
          line: hit.line,
          match: detached(hit.match),
        });
      }
    });
    const lineRanges = analysis.extracted.responses.map((resp) => [resp.line, resp.endLine + 1] as const);
    for (const f of analysis.findings) {
      const r = containing(lineRanges, f.line);
      c.findings.push({
        id: c.findings.length + 1,
        respondentId: r >= 0 ? respondentIds[r]! : null,
        documentId,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        match: f.match,
        line: f.line,
        column: f.column,
      });
    }
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

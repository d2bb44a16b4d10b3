// canvass extract for one document: structure (responses, questions, respondent) ->
// recommendations and stances -> located, redacted output records. A pure function of the
// document; async only to load compromise when a document has a list that may hold imperatives.

import type { Block, Document } from '../document/model.js';
import { firstStartingAt } from '../document/order.js';
import { findPersonalData, redact, type PersonalSpan } from '../structure/personal-data.js';
import type { QuestionMark } from '../structure/questions.js';
import { findConsultation, findDate, findRespondent } from '../structure/respondent.js';
import { structureOf, type ResponsePart } from '../structure/responses.js';
import { findRecommendations, type RawRecommendation } from './recommendations.js';
import { stanceOf } from './stance.js';
import type { ExtractedDocument, ExtractedQuestion, ExtractedResponse, Recommendation } from './types.js';
import { loadVerbTagger, VerbTaggerNotLoaded } from './verbs.js';

export interface ExtractOptions {
  includePersonalData?: boolean;
}

export async function extractDocument(doc: Document, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  try {
    return extractNow(doc, options);
  } catch (error) {
    if (!(error instanceof VerbTaggerNotLoaded)) throw error;
    await loadVerbTagger();
    return extractNow(doc, options);
  }
}

function extractNow(doc: Document, options: ExtractOptions): ExtractedDocument {
  const structure = structureOf(doc);
  const personal = findPersonalData(doc);
  const facts: DocumentFacts = {
    allQuestions: structure.questions,
    kind: structure.kind,
    personal,
    personalNames: new Set(personal.filter((p) => p.kind === 'name').map((p) => doc.text.slice(p.start, p.end))),
  };
  const responses = structure.parts.map((part) => extractResponse(doc, part, facts, options));
  return { path: doc.path, kind: structure.kind, responses };
}

/** What every response of a document is extracted with, found once for the document. */
interface DocumentFacts {
  allQuestions: readonly QuestionMark[];
  kind: ExtractedDocument['kind'];
  /** In document order, not overlapping (findPersonalData). */
  personal: readonly PersonalSpan[];
  /** The texts of the names among them. */
  personalNames: ReadonlySet<string>;
}

function extractResponse(doc: Document, part: ResponsePart, facts: DocumentFacts, options: ExtractOptions): ExtractedResponse {
  const { allQuestions, kind, personal, personalNames } = facts;
  const blocks = part.blocks;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const partStart = first?.start ?? 0;
  const partEnd = last?.end ?? 0;
  const clean = (start: number, end: number) => {
    const raw = doc.text.slice(start, end);
    const kept = options.includePersonalData ? raw : redact(raw, start, personal);
    return stripEmphasis(kept).replace(/\s+/g, ' ').trim();
  };

  // Questions and blocks are in document order: each range is found by a search, not a filter
  // over the whole list (a file of many responses would be quadratic in its length).
  const marks = allQuestions.slice(firstStartingAt(allQuestions, partStart), firstStartingAt(allQuestions, partEnd));
  const questions: ExtractedQuestion[] = [];
  marks.forEach((q, i) => {
    const answerStart = q.block.end;
    const answerEnd = marks[i + 1]?.start ?? partEnd;
    const answerBlocks = blocks
      .slice(firstStartingAt(blocks, answerStart), firstStartingAt(blocks, answerEnd))
      .filter((b) => !b.containers.includes('footnote'));
    const answerText = answerBlocks.map((b) => doc.text.slice(b.start, b.end)).join('\n');
    const stance = stanceOf(answerText);
    const from = doc.lines.position(q.start);
    const to = doc.lines.position(q.textEnd);
    for (const number of q.numbers) {
      questions.push({
        number,
        text: clean(q.textStart, q.textEnd),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        stance: stance.stance,
        stanceCues: stance.cues,
        answerStart,
        answerEnd,
      });
    }
  });

  const raw = findRecommendations({ doc, quotesCount: kind === 'summary' }, blocks);
  const recommendations = raw.map((r) => located(doc, r, questionFor(marks, r.start), clean));

  const respondent = part.heading ? { name: part.heading, from: 'heading' as const } : findRespondent(doc, blocks);
  return {
    respondent: options.includePersonalData ? respondent.name : redactName(respondent.name, personalNames),
    respondentFrom: respondent.from,
    date: kind === 'summary' ? null : findDate(doc, blocks),
    consultation: kind === 'summary' ? null : findConsultation(doc, blocks),
    line: first ? doc.lines.position(first.start).line : 1,
    endLine: last ? doc.lines.position(last.end).line : 1,
    questions,
    recommendations,
    personalData: options.includePersonalData
      ? personal
          .slice(firstStartingAt(personal, partStart), firstStartingAt(personal, partEnd))
          .map((p) => ({
            kind: p.kind,
            text: doc.text.slice(p.start, p.end),
            ...doc.lines.position(p.start),
            offset: p.start,
            length: p.end - p.start,
          }))
      : [],
  };
}

/** The question whose answer holds `offset`: the last one starting at or before it. */
function questionFor(marks: readonly QuestionMark[], offset: number): string | null {
  const found = marks[firstStartingAt(marks, offset + 1) - 1];
  return found ? found.numbers[0]! : null;
}

function located(
  doc: Document,
  r: RawRecommendation,
  question: string | null,
  clean: (start: number, end: number) => string,
): Recommendation {
  const from = doc.lines.position(r.start);
  const to = doc.lines.position(r.end);
  const parts = [clean(r.start, r.textEnd), ...(r.textParts ?? []).map(([s, e]) => clean(s, e))];
  return {
    question,
    text: parts.join(' '),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    cue: r.cue,
    strength: r.strength,
    emphasised: r.emphasised,
    target: r.target,
    offset: r.start,
    length: r.end - r.start,
  };
}

/** A respondent that is a person named as a contact is personal data too. */
function redactName(name: string, personalNames: ReadonlySet<string>): string {
  return personalNames.has(name) ? '[name removed]' : name;
}

export type { Block };

/** Text as a reader sees it: without Markdown's emphasis marks (**bold**, *em*, _em_). */
function stripEmphasis(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(“"‘'[])[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=$|[\s.,;:!?)”"’'\]])/g, '$1');
}

// Recommendations: sentences in which the respondent asks for, urges, recommends, proposes or
// calls for a change or action by someone. A cheap cue test rules most sentences out; the rest
// pass filters for what only looks like a request (questions, quotations in a response, positions
// reported as background, what should have been). Special forms: "Suggested alternative wording"
// blocks (one recommendation each), "Recommendation 3:" headings, and bullet lists of
// imperatives under a lead-in ("To improve commissioning: - Publish … - Fund …").

import type { Block, Document, Span } from '../document/model.js';
import { firstStartingAt } from '../document/order.js';
import { passagesOf, sentencesOf, type Passage, type Sentence } from './sentences.js';
import type { Strength } from './types.js';
import { matchEach, prepareMatchEach } from './match-each.js';
import { isImperative } from './verbs.js';

export interface RawRecommendation {
  start: number;
  end: number;
  /** End of the text span to show (a wording block shows its lead-in and first sentence). */
  textEnd: number;
  /** Extra text after the lead-in (suggested wording), as offsets. */
  textParts?: Array<[number, number]>;
  cue: string;
  strength: Strength;
  emphasised: boolean;
  target: string | null;
}

interface Cue {
  re: RegExp;
  strength: Strength;
}

// Each cue with the strength it signals. The leftmost cue in a sentence decides.
const CUES: Cue[] = [
  { re: /\bmust\b(?!\s+(?:not\s+)?have\s+(?:been|had|[\w’'-]+ed)\b)/i, strength: 'must' },
  // "needs to", not "the need to" (a noun) nor "do not need to" (no request).
  { re: /(?<!\b(?:the|a|an|their|its|our|this|that|no)\s)(?<!\b(?:not|n't)\s)\bneeds?\s+to\b(?!\s+(?:not\s+)?have\s+(?:been|had|[\w’'-]+ed)\b)/i, strength: 'must' },
  { re: /\b(?:(?:it is|it's) (?:[a-z]+ly |always |also |therefore )?(?:essential|vital|crucial|imperative|critical) (?:that|to)|is (?:essential|vital|crucial|imperative) that)\b/i, strength: 'must' },
  { re: /\b(?:have|has) to\b(?!\s+(?:not\s+)?have\s+(?:been|had|[\w’'-]+ed)\b)/i, strength: 'must' },
  { re: /\b(?:is|are) (?:also )?(?:required|needed)\b/i, strength: 'must' },
  { re: /\bshould\b(?!\s+(?:not\s+)?have\s+(?:been|had|[\w’'-]+ed)\b)/i, strength: 'should' },
  { re: /\bought to\b/i, strength: 'should' },
  { re: /\brecommend(?:s|ed|ing)?\b/i, strength: 'should' },
  { re: /\burg(?:e|es|ed|ing)\b/i, strength: 'should' },
  { re: /\bit is (?:also |therefore )?important (?:that|to)\b/i, strength: 'should' },
  {
    re: /\b(?:it|this) would (?:also )?be (?:more |very |particularly |most )?(?:useful|helpful|beneficial|better|good|preferable|sensible|welcome|valuable|desirable|advisable)\b/i,
    strength: 'could',
  },
  { re: /\b(?:may|might) (?:also )?be (?:useful|helpful|beneficial|worth)\b/i, strength: 'could' },
  {
    re: /\bcould usefully [a-z]+\b|\bcould (?:(?:also|usefully|further|then|easily) )*(?:be (?:(?:more|better|further|usefully|best) )*(?:emphatic|expanded|strengthened|improved|included|adapted|redrafted|explained|made|used|given|clarified|extended|amended|added|provided|considered|developed)|go further|benefit|consider|do more|include|provide|set out|make|help)\b/i,
    strength: 'could',
  },
  { re: /\bmay wish to\b/i, strength: 'could' },
  { re: /\b(?:we|i) (?:would )?hope (?:that )?(?!to\b)(?:[\w’'-]+\s+){1,5}(?:can|will|could|would|is|are|be)\b/i, strength: 'could' },
  { re: /\bwould like to see\b/i, strength: 'request' },
  { re: /\bwould welcome\b/i, strength: 'request' },
  { re: /\bcall(?:s|ed|ing)? (?:for|on|upon)\b/i, strength: 'request' },
  { re: /\bask(?:s|ed|ing)? (?:for|that)\b/i, strength: 'request' },
  { re: /\bpropos(?:e|es|ing)\b|\bproposed that\b/i, strength: 'request' },
  { re: /\bsuggest(?:s|ed|ing)?\b(?=.*\b(?:should|must|need to|ought)\b)/i, strength: 'request' },
  { re: /\bstress(?:es|ed|ing)? the (?:need|importance) (?:for|to|of)\b/i, strength: 'request' },
  { re: /\bwarn(?:s|ed|ing)? against\b/i, strength: 'request' },
  { re: /\b(?:a|the) (?:strong |compelling |clear |good )?(?:argument|case) (?:for|to)\b/i, strength: 'request' },
  // "wants X to …" (someone else to act), not "wants to …" (its own intention).
  { re: /\bwant(?:s|ed)?\b(?!\s+to\b)(?=(?:\s+[\w’'-]+){1,9}\s+to\s)/i, strength: 'request' },
  { re: /\bkeen (?:for|that|to see)\b/i, strength: 'request' },
  // Forms common in US, EU and Australian submissions.
  { re: /\b(?:we|i) (?:would )?(?:strongly )?suggest\b/i, strength: 'request' },
  { re: /\bencourag(?:e|es|ed)\b(?=(?:\s+[\w’'-]+){1,6}\s+to\s)/i, strength: 'request' },
  { re: /\brequest(?:s|ed)? that\b/i, strength: 'request' },
  { re: /\b(?:is|are) (?:hereby )?(?:invited|called upon|urged|requested|asked|encouraged) to\b/i, strength: 'request' },
  { re: /\bthere (?:is|remains) (?:a |an )?(?:clear |real |urgent |pressing |strong )?need (?:for|to)\b/i, strength: 'must' },
];

/** The cues, made ready to be found together in one pass over a sentence (see matchEach). */
const CUE_MATCHER = prepareMatchEach(CUES.map((cue) => new RegExp(cue.re.source, 'gi')));

const QUICK = /must|need|essential|vital|crucial|imperative|critical|have to|has to|required|should|ought|recommend|urg|important|would|might|may|could|hope|call|ask|propos|suggest|want|keen|stress|warn|argument|case|encourag|request|invited/i;

// Someone else's position reported as background: "as the consultation document states, …".
const REPORTED =
  /\b(?:(?:the|this|that|its) (?:consultation(?: document| paper)?|guidance|document|department|government|act|report|regulations?|paper|audit commission|review)|(?:the |this )?(?:paragraph|section|chapter) \d+(?:\.\d+)*|according to|it (?:states|says))\b[^.;]{0,80}?\b(?:states?|says|said|notes?|suggests?|proposes?|recommends?|requires?|sets out|makes clear|stresses|argues|encourages|highlights)\b/i;

export interface RecommendationContext {
  doc: Document;
  /** In a summary, the organisation's quoted words are its response; elsewhere quotes are not. */
  quotesCount: boolean;
}

export function findRecommendations(ctx: RecommendationContext, blocks: readonly Block[]): RawRecommendation[] {
  const { doc } = ctx;
  const out: RawRecommendation[] = [];
  const prose = blocks.filter((b) => (b.type === 'paragraph' || b.type === 'heading') && !b.containers.includes('footnote'));
  const skip = new Set<Block>();

  // Special forms first; the blocks they consume are not read sentence by sentence.
  for (let i = 0; i < prose.length; i++) {
    const block = prose[i]!;
    const body = doc.text.slice(block.start, block.end);
    if (WORDING.test(body.replace(/\*\*|__/g, '').trim())) {
      const wording = collectWording(doc, prose, i + 1);
      if (wording.length) {
        const first = wording[0]!;
        const firstSentence = sentencesOf(doc, { blocks: [first], start: first.start, end: first.end })[0];
        const last = wording[wording.length - 1]!;
        out.push({
          start: block.start,
          end: last.end,
          textEnd: block.end,
          ...(firstSentence ? { textParts: [[firstSentence.start, firstSentence.end]] } : {}),
          cue: body.replace(/\*\*|__|:\s*$/g, '').trim(),
          strength: 'request',
          emphasised: false,
          target: null,
        });
        skip.add(block);
        for (const w of wording) skip.add(w);
      }
      continue;
    }
    const numbered = RECOMMENDATION_HEADING.exec(body);
    if (numbered) {
      const rest = numbered[2]!.trim();
      const next = prose[i + 1];
      const useNext = rest.length < 3 && next !== undefined;
      out.push({
        start: useNext ? next!.start : block.start + body.indexOf(numbered[2]!),
        end: useNext ? next!.end : block.end,
        textEnd: useNext ? next!.end : block.end,
        cue: `Recommendation ${numbered[1]}`,
        strength: 'should',
        emphasised: isEmphasised(doc, block, block.start, block.end),
        target: null,
      });
      skip.add(block);
      if (useNext) skip.add(next!);
    }
  }

  // Bullet lists of imperatives under a lead-in that asks for something.
  for (let i = 0; i < prose.length; i++) {
    const leadIn = prose[i]!;
    if (leadIn.containers.includes('list-item') || skip.has(leadIn)) continue;
    const lead = doc.text.slice(leadIn.start, leadIn.end).replace(/\*\*|__/g, '').trim();
    if (!lead.endsWith(':') || !LEAD_IN.test(lead)) continue;
    for (let j = i + 1; j < prose.length && prose[j]!.containers.includes('list-item'); j++) {
      const item = prose[j]!;
      const itemText = doc.text.slice(item.start, item.end).replace(/^\W+/, '');
      const verb = /^\p{L}+/u.exec(itemText)?.[0];
      if (verb && isImperative(itemText)) {
        out.push({
          start: item.start,
          end: item.end,
          textEnd: item.end,
          cue: verb,
          strength: 'request',
          emphasised: isEmphasised(doc, item, item.start, item.end),
          target: null,
        });
        skip.add(item);
      }
    }
  }

  const passages = passagesOf(doc, prose.filter((b) => !skip.has(b) && b.type !== 'heading'));
  for (const passage of passages) {
    // No cue anywhere in the passage, none in any of its sentences: skip segmenting it (the
    // sentence segmenter is a tenth of extract's time; a sixth of the corpus's prose has no cue).
    if (!QUICK.test(doc.text.slice(passage.start, passage.end))) continue;
    for (const sentence of sentencesOf(doc, passage)) {
      const found = recommendationIn(ctx, sentence, passage);
      if (found) out.push(found);
    }
  }
  spreadOverLists(doc, prose, out);
  addSectionLists(doc, prose, out);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * A recommendation that introduces a list ("It would be useful to redraft paragraph 2.42 to
 * include: a. … b. …") recommends each item: the items become the recommendations, with the
 * lead-in's cue, strength and target.
 */
function spreadOverLists(doc: Document, prose: readonly Block[], recs: RawRecommendation[]): void {
  for (let r = recs.length - 1; r >= 0; r--) {
    const rec = recs[r]!;
    if (!/:[*_\s]*$/.test(doc.text.slice(rec.start, rec.end))) continue;
    const i = prose.findIndex((b) => b.start <= rec.start && rec.start < b.end);
    const leadIn = prose[i]!;
    // The lead-in's own sub-point label ("iii.") tells where its sub-list ends: at "iv.".
    const next = nextLabel(labelOf(doc.text.slice(leadIn.start, leadIn.end)));
    const items: Block[] = [];
    for (let j = i + 1; j < prose.length && prose[j]!.containers.includes('list-item'); j++) {
      if (next && labelOf(doc.text.slice(prose[j]!.start, prose[j]!.end)) === next) break;
      items.push(prose[j]!);
    }
    if (items.length === 0) continue;
    recs.splice(
      r,
      1,
      ...items.map((item) => ({
        start: withoutLabel(doc, item),
        end: item.end,
        textEnd: item.end,
        cue: rec.cue,
        strength: rec.strength,
        emphasised: isEmphasised(doc, item, item.start, item.end),
        target: rec.target,
      })),
    );
  }
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

/** A sub-point label written in the text ("iii.", "b)", "4."), lower case, or undefined. */
function labelOf(body: string): string | undefined {
  return /^(?:\*\*|__)?\s*((?:[ivx]+|[a-z]|\d{1,2}))[.)]\s/i.exec(body)?.[1]?.toLowerCase();
}

/** The label after this one: "iii" -> "iv", "b" -> "c", "4" -> "5". */
function nextLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const roman = ROMAN.indexOf(label);
  if (roman !== -1 && (label.length > 1 || label === 'i')) return ROMAN[roman + 1];
  if (/^\d+$/.test(label)) return String(Number(label) + 1);
  return String.fromCharCode(label.charCodeAt(0) + 1);
}

/** Start of a block's text after its sub-point label and emphasis marks. */
function withoutLabel(doc: Document, block: Block): number {
  const m = /^(?:\s|\*\*|__|[*_])*(?:(?:[ivxlc]+|[a-z]|\d{1,2})[.)]\s+)?(?:\s|\*\*|__|[*_])*/i.exec(doc.text.slice(block.start, block.end));
  return block.start + (m ? m[0].length : 0);
}

// A heading that announces what should change: its bullets are recommendations.
const RECOMMENDING_HEADING =
  /\b(?:what (?:needs|has|have|ought) to (?:change|happen|be done)|what should (?:change|happen|be done)|recommendations|next steps|moving forward|the way forward|(?:specific )?ideas|proposals|suggestions|priorities|actions? (?:needed|required)|our asks)\b/i;

function addSectionLists(doc: Document, prose: readonly Block[], recs: RawRecommendation[]): void {
  // Where the recommendations found so far start, in order: an item that holds one is searched
  // for, not checked against every one (a file of many responses has many of both). The items
  // added here need no entry: list items do not overlap one another.
  const found = recs.map((r) => ({ start: r.start })).sort((a, b) => a.start - b.start);
  for (let i = 0; i < prose.length; i++) {
    const heading = prose[i]!;
    if (heading.type !== 'heading') continue;
    const m = RECOMMENDING_HEADING.exec(doc.text.slice(heading.start, heading.end));
    if (!m) continue;
    const strength: Strength = /needs|has|have|ought/i.test(m[0]) ? 'must' : /should|recommend/i.test(m[0]) ? 'should' : 'request';
    // The list right under the heading (a paragraph in between starts something else).
    for (let j = i + 1; j < prose.length && prose[j]!.containers.includes('list-item'); j++) {
      const item = prose[j]!;
      const next = found[firstStartingAt(found, item.start)];
      if (next && next.start < item.end) continue;
      recs.push({
        start: withoutLabel(doc, item),
        end: item.end,
        textEnd: item.end,
        cue: m[0],
        strength,
        emphasised: isEmphasised(doc, item, item.start, item.end),
        target: null,
      });
    }
  }
}

const WORDING = /^(?:suggested|proposed|recommended|possible)\s+(?:alternative\s+|new\s+|revised\s+|amended\s+|replacement\s+)?(?:wording|text|drafting|paragraph)\s*:?$/i;
const RECOMMENDATION_HEADING = /^(?:#{1,6}\s*)?(?:\*\*|__)?\s*recommendation\s+(\d+[a-z]?)(?:\*\*|__)?\s*[:.–—-]?\s*(.*)$/is;
const LEAD_IN = /^to\s+\p{L}+|\b(?:should|must|need|recommend|suggest|propos|urge|call|ask|would like|want|the following|actions?|steps?)\b/iu;

/** The blocks of a suggested wording: until a question, heading or labelled sub-point. */
function collectWording(doc: Document, prose: readonly Block[], from: number): Block[] {
  const out: Block[] = [];
  for (let k = from; k < prose.length; k++) {
    const b = prose[k]!;
    if (b.type === 'heading') break;
    const body = doc.text.slice(b.start, b.end);
    if (b.containers.includes('list-item') && /^(?:\*\*)?(?:[ivxlc]+|[a-z])[.)]\s/i.test(body)) break;
    if (out.length > 0 && b.containers.length === 0 && /^\p{Lu}/u.test(body) && !/^\d/.test(body)) {
      // A new plain paragraph after list items ends the wording; a paragraph right after the
      // wording's first paragraph continues it only across a page break (lower case).
      if (out[out.length - 1]!.containers.includes('list-item') || /[.!?]\s*$/.test(doc.text.slice(out[out.length - 1]!.start, out[out.length - 1]!.end))) break;
    }
    out.push(b);
  }
  return out;
}

function recommendationIn(ctx: RecommendationContext, sentence: Sentence, passage: Passage): RawRecommendation | undefined {
  const { doc } = ctx;
  const text = doc.text.slice(sentence.start, sentence.end);
  if (!QUICK.test(text)) return undefined;
  // A question is asked, not recommended (and quotes the consultation's own questions).
  if (/\?["”’)*\s]*$/.test(text)) return undefined;
  // Questions without a question mark: "What needs to change", a discussion prompt.
  if (/^(?:what|which|how|why|where|when|who|whether)\b/i.test(text)) return undefined;
  // A writer's own plan is not a request: "I thought it would be useful to highlight …".
  if (/^(?:I|we) (?:thought|think|felt|feel|hope|decided) (?:it would be|to)\b/i.test(text)) return undefined;
  // Each cue's first match that is not excluded; the leftmost of those decides (on a tie, the
  // cue listed first).
  let best: { index: number; length: number; cue: Cue } | undefined;
  matchEach(text, CUE_MATCHER).forEach((matches, i) => {
    const m = matches.find((match) => !excludedCue(text, match.at));
    if (m && (!best || m.at < best.index)) best = { index: m.at, length: m.text.length, cue: CUES[i]! };
  });
  if (!best) return undefined;
  const cueAt = sentence.start + best.index;
  const block = passage.blocks.find((b) => b.start <= cueAt && cueAt < b.end) ?? passage.blocks[0]!;
  if (!ctx.quotesCount && insideQuote(doc.spansOf(block, { markup: false }), cueAt)) return undefined;
  const reported = REPORTED.exec(text);
  if (reported && reported.index < best.index && !/\b(?:we|i|our)\b/i.test(text.slice(0, reported.index))) return undefined;
  // What should have been is a judgement on the past, not a request.
  if (/\b(?:should|could|would|must) (?:not )?have been\b/i.test(text)) return undefined;
  return {
    start: sentence.start,
    end: sentence.end,
    textEnd: sentence.end,
    cue: text.slice(best.index, best.index + best.length).replace(/\s+/g, ' '),
    strength: best.cue.strength,
    emphasised: isEmphasised(doc, block, sentence.start, sentence.end),
    target: targetOf(text, best.index, best.index + best.length),
  };
}

/**
 * A cue word that does not ask for anything here: inside an embedded question ("why the freedom
 * should be made available", "what should be included") or a conditional ("should the proposals
 * go ahead").
 */
function excludedCue(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  if (/\b(?:why|whether|what|how)\s+(?:[\w’'-]+\s+){0,6}$/i.test(before)) return true;
  if (/^should\s+(?:the|we|it|this|they|there|any)\b/i.test(text.slice(at)) && /(?:^|[,;:(]\s*|\bthat,?\s*)$/i.test(before)) return true;
  return false;
}

function insideQuote(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => s.type === 'quote' && s.start <= at && at < s.end);
}

/** Most of the sentence in bold. */
function isEmphasised(doc: Document, block: Block, start: number, end: number): boolean {
  let bold = 0;
  for (const s of doc.spansOf(block)) {
    if (s.type !== 'strong') continue;
    bold += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  }
  return bold >= (end - start) / 2;
}

// Target noun phrases are matched case-sensitively (so that "\\p{Lu}" means a capital); words
// that may start a sentence get both cases of their first letter.
const both = (words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const ACTOR_WORD = `(?:${both([
  'department', 'departments', 'government', 'ministers', 'minister', 'guidance', 'authority', 'authorities', 'council',
  'councils', 'board', 'boards', 'trust', 'trusts', 'commissioners', 'partners', 'providers', 'regulations', 'regulator',
  'regulators', 'consultation', 'compact', 'sector', 'organisations', 'schools', 'agency', 'agencies', 'parliament',
  'inspectorate', 'inspectorates', 'officials', 'bodies',
])}|Ofsted|NHS|DCSF|DfE|LSCBs?|CCGs?|[Ss]ecretary of [Ss]tate)`;
const DETERMINER = `(?:${both(['the', 'a', 'an', 'all', 'any', 'every', 'each', 'its', 'their', 'our', 'these', 'those', 'local'])})`;
const WORD = "[\\p{L}’'-]+";
/** Words that may come between a determiner and the actor: names and a few common modifiers. */
const MODIFIER = `(?:\\p{Lu}${WORD}\\s+|(?:local|national|relevant|statutory|new|other|individual|smaller|larger|voluntary|public|private|regional|social|strategic|potential|external|third sector|children's|children’s)\\s+)`;
const NP = `(?:${DETERMINER}\\s+)?${MODIFIER}{0,3}${ACTOR_WORD}(?:\\s+\\p{Lu}${WORD}){0,2}`;
/** An actor noun phrase at the start: "the department", "local authorities", "the Children's Trust Board". */
const OBJECT_NP = new RegExp(`^\\s*(?:that\\s+)?(${NP})(?![\\p{L}])`, 'u');
/** An actor noun phrase ending a clause, right before the modal (adverbs allowed). */
const SUBJECT_NP = new RegExp(
  `(?:^|\\s)(${NP})(?:\\s+(?:also|only|not|now|therefore|then|still|always|further|itself|themselves))?\\s*$`,
  'u',
);
const IF_FOR_NP = new RegExp(`\\b(?:if|for)\\s+(${NP})\\s+(?:to|should|could|would|must|was|were|is|are|gave|made|makes|can)\\b`, 'u');
const PREPOSITION = /\b(?:through|by|with|for|of|in|on|to|from|at|about|between|among|across|within|without|via|under|over|into)\s*$/i;

/** Who is asked to act: the object of "urges/calls on/asks", or the subject of the modal. */
function targetOf(sentence: string, cueStart: number, cueEnd: number): string | null {
  const cue = sentence.slice(cueStart, cueEnd).toLowerCase();
  if (/^(?:urg|call|ask|recommend|want|propos|suggest|keen)/.test(cue)) {
    const object = OBJECT_NP.exec(sentence.slice(cueEnd).replace(/^\s*(?:for|on|upon)\s+/i, ' '));
    if (object) return object[1]!;
  }
  const ifFor = IF_FOR_NP.exec(sentence);
  if (ifFor) return ifFor[1]!;
  // The subject just before the modal, within its clause, and not inside a prepositional phrase.
  const clause = sentence.slice(0, cueStart).split(/[,;:(–—]/).pop()!;
  const subject = SUBJECT_NP.exec(clause);
  if (subject && !PREPOSITION.test(clause.slice(0, subject.index + 1))) return subject[1]!;
  return null;
}

// The default output, for reading in a terminal: per document and respondent, each question
// with its stance, then its recommendations as paragraphs wrapped to the terminal's width (words
// are never cut), the cue word in bold; a summary line at the end.

import type { ExtractedQuestion, ExtractedResponse, Recommendation, Stance } from '../../../extract/types.js';
import type { InputProblem } from '../../../lint/finding.js';
import type { ExtractReport, ReportedDocument } from '../../extract-report.js';
import type { ExtractFormatOptions } from './index.js';
import { summaryLine, uniqueCues } from './shared.js';
import { pad, wrap } from '../../wrap.js';
import { paint, type Paint, type Style } from '../../paint.js';

export const DEFAULT_WIDTH = 100;
/** Stance cues shown per question; the rest are in the JSON. */
const MAX_CUES = 6;

// Indents: respondent 2, question 4, recommendation 6.
const RESPONSE = 2;
const QUESTION = 4;
const RECOMMENDATION = 6;

interface Ctx {
  c: Paint;
  width: number;
  options: ExtractFormatOptions;
}

export function text(report: ExtractReport, options: ExtractFormatOptions): string {
  // Our own instance, so the CLI's colour decision is the only one that counts.
  const c = paint(options.color);
  const ctx: Ctx = { c, width: options.width && options.width > 0 ? options.width : DEFAULT_WIDTH, options };
  const blocks = report.documents.map((doc) => documentBlock(doc, ctx));
  // Inputs that gave nothing come last, next to the summary, where they are not scrolled away.
  for (const p of report.problems) blocks.push(`${c.underline(p.path)}\n${problemLine(p, ctx)}\n`);
  blocks.push(c.bold(summaryLine(report.summary)) + '\n');
  return blocks.join('\n');
}

function documentBlock(doc: ReportedDocument, ctx: Ctx): string {
  const { c } = ctx;
  const lines = [`${c.underline(doc.path)} ${c.dim(`(${doc.kind})`)}`];
  for (const p of doc.problems) lines.push(problemLine(p, ctx));
  const sections = [lines.join('\n') + '\n'];
  if (doc.responses.length === 0) sections.push(pad(RESPONSE) + 'No responses found.\n');
  for (const response of doc.responses) sections.push(responseBlock(response, ctx));
  return sections.join('\n');
}

function problemLine(p: InputProblem, ctx: Ctx): string {
  const { c } = ctx;
  const tone = p.severity === 'error' ? c.red : c.yellow;
  const where = p.line !== undefined ? `${p.line}:${p.column ?? 1} ` : '';
  // Continuation lines line up under the position (or the message).
  const hang = RESPONSE + p.severity.length + 1;
  return wrap(`${p.severity} ${where}${p.message}`, ctx.width, RESPONSE, hang, [{ start: 0, end: p.severity.length, style: tone }]);
}

function responseBlock(r: ExtractedResponse, ctx: Ctx): string {
  const { c, width } = ctx;
  const head = r.date ? `${r.respondent}, ${r.date}` : r.respondent;
  const intro = [wrap(head, width, RESPONSE, RESPONSE, [{ start: 0, end: r.respondent.length, style: c.bold }])];
  if (r.consultation) intro.push(c.dim(wrap(`Consultation: ${r.consultation}`, width, RESPONSE, QUESTION)));
  const sections = [intro.join('\n') + '\n'];

  const asked = ctx.options.questions ?? [];
  if (r.questions.length === 0 && r.recommendations.length === 0) {
    const missing =
      asked.length === 0
        ? 'No recommendations found.'
        : `${asked.length === 1 ? 'Question' : 'Questions'} ${listWords(asked)} not found in this response.`;
    sections.push(pad(QUESTION) + missing + '\n');
  }
  for (const q of r.questions) {
    sections.push(questionBlock(q, r.recommendations.filter((rec) => rec.question === q.number), ctx));
  }
  // Recommendations whose question is not listed: made before the first question, or (with a
  // question asked twice under one number) attributed to a number already shown.
  const shown = new Set(r.questions.map((q) => q.number));
  const outside = r.recommendations.filter((rec) => rec.question === null || !shown.has(rec.question));
  if (outside.length) {
    const title = r.questions.length ? 'Outside the questions' : 'Recommendations';
    sections.push([pad(QUESTION) + c.bold(title), ...outside.map((rec) => '\n' + recommendationBlock(rec, ctx))].join('\n') + '\n');
  }
  if (ctx.options.includePersonalData && r.personalData.length) {
    const rows = r.personalData.map((p) =>
      wrap(`${p.line}:${p.column} ${p.kind}: ${p.text}`, width, RECOMMENDATION, RECOMMENDATION + 2, [
        { start: 0, end: `${p.line}:${p.column}`.length, style: c.dim },
      ]),
    );
    sections.push([pad(QUESTION) + c.bold('Personal data'), ...rows].join('\n') + '\n');
  }
  return sections.join('\n');
}

function questionBlock(q: ExtractedQuestion, recommendations: Recommendation[], ctx: Ctx): string {
  const { c, width } = ctx;
  const label = `Question ${q.number}:`;
  const lines = [wrap(`${label} ${q.text}`, width, QUESTION, QUESTION, [{ start: 0, end: label.length, style: c.bold }])];
  const cues = uniqueCues(q.stanceCues);
  const shownCues = cues.length > MAX_CUES ? [...cues.slice(0, MAX_CUES), '…'] : cues;
  const stance = `stance: ${q.stance}${shownCues.length ? ` (${shownCues.join(', ')})` : ''}`;
  lines.push(wrap(stance, width, QUESTION, QUESTION + 'stance: '.length, [{ start: 8, end: 8 + q.stance.length, style: stanceColour(q.stance, c) }]));
  if (recommendations.length === 0) lines.push(pad(QUESTION) + c.dim('No recommendations.'));
  const blocks = [lines.join('\n'), ...recommendations.map((rec) => recommendationBlock(rec, ctx))];
  return blocks.join('\n\n') + '\n';
}

function recommendationBlock(r: Recommendation, ctx: Ctx): string {
  const { c, width } = ctx;
  const position = `${r.line}:${r.column}`;
  const meta = [position, r.strength, `cue: ${r.cue}`];
  if (r.target) meta.push(`target: ${r.target}`);
  if (r.emphasised) meta.push('emphasised');
  const metaText = meta.join(' · ');
  const metaLine = wrap(metaText, width, RECOMMENDATION, RECOMMENDATION, [{ start: 0, end: position.length, style: c.dim }]);
  const cue = findCue(r.text, r.cue);
  const body = wrap(r.text, width, RECOMMENDATION, RECOMMENDATION, cue ? [{ ...cue, style: c.bold }] : []);
  return `${metaLine}\n${body}`;
}

/** Where the cue is in the text (case-insensitively, as a whole word), if it is there at all: a list's cue is often in its lead-in. */
function findCue(text: string, cue: string): { start: number; end: number } | undefined {
  if (!cue) return undefined;
  const escaped = cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function stanceColour(stance: Stance, c: Paint): Style {
  return stance === 'supportive' ? c.green : stance === 'critical' ? c.red : stance === 'mixed' ? c.yellow : c.dim;
}


/** "3", "3 and 4", "3, 4 and 9" */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

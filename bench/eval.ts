// npm run eval: canvass extract measured against the hand annotations in fixtures/eval/.
// Prints recommendation precision and recall, question detection, question attribution,
// stance accuracy and respondents, per document and in total.
//
// A predicted recommendation matches a gold one in the same response when their lines overlap
// and their words mostly agree (at least half of the shorter one's words occur in the other);
// each gold recommendation matches at most one prediction.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDocument } from '../src/document/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import type { ExtractedResponse } from '../src/extract/types.js';

interface GoldRecommendation {
  question: string | null;
  line: number;
  endLine: number;
  text: string;
  strength: string;
  emphasised: boolean;
  target: string | null;
}
interface GoldQuestion {
  number: string;
  line: number;
  stance: string;
}
interface GoldResponse {
  respondent: string | null;
  questions: GoldQuestion[];
  recommendations: GoldRecommendation[];
}
interface Gold {
  path: string;
  kind: string;
  responses: GoldResponse[];
}

const repo = resolve(import.meta.dirname, '..', '..');
const dir = join(repo, 'fixtures', 'eval');
const words = (s: string) => new Set(s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean));
const normalise = (s: string | null) => (s ?? '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return small.size > 0 && shared / small.size >= 0.5;
}

interface Tally {
  predicted: number;
  gold: number;
  matched: number;
  attributed: number;
  strength: number;
  goldQuestions: number;
  foundQuestions: number;
  extraQuestions: number;
  stance: number;
  respondents: number;
  respondentsRight: number;
  kindRight: number;
  documents: number;
}

const zero = (): Tally => ({
  predicted: 0, gold: 0, matched: 0, attributed: 0, strength: 0, goldQuestions: 0, foundQuestions: 0,
  extraQuestions: 0, stance: 0, respondents: 0, respondentsRight: 0, kindRight: 0, documents: 0,
});

function pairResponses(gold: GoldResponse[], predicted: ExtractedResponse[]): Array<[GoldResponse, ExtractedResponse | undefined]> {
  if (gold.length === 1 && predicted.length === 1) return [[gold[0]!, predicted[0]]];
  return gold.map((g) => [g, predicted.find((p) => normalise(p.respondent) === normalise(g.respondent))]);
}

function score(gold: Gold, kind: string, responses: ExtractedResponse[]): { tally: Tally; misses: string[] } {
  const t = zero();
  const misses: string[] = [];
  t.documents = 1;
  t.kindRight = kind === gold.kind ? 1 : 0;
  // Predictions in responses that match no gold response count against precision.
  const paired = new Set<ExtractedResponse>();
  for (const [g, p] of pairResponses(gold.responses, responses)) {
    t.respondents++;
    if (p && (g.respondent === null || normalise(p.respondent) === normalise(g.respondent))) t.respondentsRight++;
    t.gold += g.recommendations.length;
    t.goldQuestions += g.questions.length;
    if (!p) {
      misses.push(`  response not found: ${g.respondent}`);
      continue;
    }
    paired.add(p);
    for (const q of g.questions) {
      const found = p.questions.find((x) => x.number === q.number && x.line === q.line);
      if (found) {
        t.foundQuestions++;
        if (found.stance === q.stance) t.stance++;
        else misses.push(`  stance Q${q.number}: gold ${q.stance}, got ${found.stance} (${found.stanceCues.join(', ')})`);
      } else misses.push(`  question not found: ${q.number} at line ${q.line}`);
    }
    t.extraQuestions += p.questions.filter((x) => !g.questions.some((q) => q.number === x.number && q.line === x.line)).length;
    t.predicted += p.recommendations.length;
    const used = new Set<number>();
    for (const rec of p.recommendations) {
      const i = g.recommendations.findIndex(
        (gr, k) => !used.has(k) && rec.line <= gr.endLine && gr.line <= rec.endLine && similar(rec.text, gr.text),
      );
      if (i === -1) {
        misses.push(`  extra    ${rec.line}: ${rec.text.slice(0, 110)}`);
        continue;
      }
      used.add(i);
      t.matched++;
      const gr = g.recommendations[i]!;
      if (gr.question === rec.question) t.attributed++;
      else misses.push(`  question ${rec.line}: gold ${gr.question}, got ${rec.question}`);
      if (gr.strength === rec.strength) t.strength++;
    }
    g.recommendations.forEach((gr, k) => {
      if (!used.has(k)) misses.push(`  missed   ${gr.line}: ${gr.text.slice(0, 110)}`);
    });
  }
  for (const p of responses) if (!paired.has(p)) t.predicted += p.recommendations.length;
  return { tally: t, misses };
}

const pct = (n: number, d: number) => (d === 0 ? '  -  ' : `${((100 * n) / d).toFixed(1)}%`.padStart(6));
const verbose = process.argv.includes('--verbose');
const total = zero();
const rows: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
  const text = readFileSync(join(repo, gold.path), 'utf8');
  const doc = await openDocument(gold.path, text);
  const extracted = await extractDocument(doc, {});
  const { tally, misses } = score(gold, extracted.kind, extracted.responses);
  for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += tally[k];
  rows.push(
    `| ${gold.path.replace('corpus/', '')} | ${gold.kind}${tally.kindRight ? '' : ` (got ${extracted.kind})`} | ${pct(tally.matched, tally.predicted)} | ${pct(tally.matched, tally.gold)} | ${tally.foundQuestions}/${tally.goldQuestions}${tally.extraQuestions ? ` +${tally.extraQuestions}` : ''} | ${pct(tally.attributed, tally.matched)} | ${pct(tally.stance, tally.foundQuestions)} | ${tally.respondentsRight}/${tally.respondents} |`,
  );
  if (verbose && misses.length) process.stderr.write(`${gold.path}\n${misses.join('\n')}\n`);
}
process.stdout.write(
  [
    '| document | kind | rec. precision | rec. recall | questions found | question attribution | stance | respondents |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    `| **all** | ${total.kindRight}/${total.documents} | ${pct(total.matched, total.predicted)} | ${pct(total.matched, total.gold)} | ${total.foundQuestions}/${total.goldQuestions}${total.extraQuestions ? ` +${total.extraQuestions}` : ''} | ${pct(total.attributed, total.matched)} | ${pct(total.stance, total.foundQuestions)} | ${total.respondentsRight}/${total.respondents} |`,
    '',
    `recommendations: ${total.predicted} extracted, ${total.gold} annotated, ${total.matched} matched; strength right on ${pct(total.strength, total.matched).trim()} of matched`,
    '',
  ].join('\n'),
);

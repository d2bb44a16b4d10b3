// Stance of an answer: supportive, critical, mixed or neutral, with the cue words that decided it
// shown, so a person can check. Negated support ("do not support") counts as criticism.
//
// Words that describe circumstances ("lack of", "poor", "underdeveloped") are weaker evidence of
// a view on the proposal than direct evaluation ("missed opportunity", "fails", "welcomes"), and
// count half. An answer is mixed when both sides weigh the same, or the lighter side still weighs
// more than one cue: a single passing remark does not make an answer mixed.

import { matchEach, prepareMatchEach } from './match-each.js';
import type { Stance } from './types.js';

export const SUPPORTIVE = [
  /\bwelcom(?:e|es|ed|ing)\b/gi,
  /\b(?:we|i|fully|strongly|also) (?:(?:also|fully|strongly|very much) )?(?:support|endorse|agree(?: with)?)\b/gi,
  /\b(?:supports|endorses|agrees with) the\b/gi,
  /\b(?:fully |very )?supportive\b/gi,
  /\bpleased\b/gi,
  /\bgood to see\b/gi,
  /\bpositive step\b/gi,
  /\b(?:it is|is|are) (?:also |very )?helpful (?:that|to see)\b/gi,
  /\b(?:clear and |fairly |very )?comprehensive\b(?! [A-Z])/g,
  /\b(?:does |do )?set(?:s)? out clearly\b/gi,
  /\bwe share\b/gi,
  /\bcommend(?:s|ed)?\b/gi,
  /\bin favour\b/gi,
];

export const CRITICAL = [
  /\bconcern(?:s|ed)?\b/gi,
  /\bfail(?:s|ed|ure|ing)?\b/gi,
  /\bmissed opportunity\b/gi,
  /\binadequate\b/gi,
  /\bdisagree(?:s|d)?\b/gi,
  /\bsurprising that\b/gi,
  /\bconfused\b/gi,
  /\bvague\b/gi,
  /\bpassive\b/gi,
  /\bweak(?:er)?\b/gi,
  /\binconsisten(?:t|cy)\b/gi,

  /\binsufficient\b/gi,
  /\bincomplete\b/gi,
  /\bunfortunate(?:ly)?\b/gi,
  /\bdisappoint(?:ed|ing)\b/gi,
  /\bnot (?:clear|sufficient|enough|adequate|acknowledge)\b/gi,
  /\bunclear\b/gi,
  /\bserious implications\b/gi,
  /\bsignificant risk\b/gi,
  /\bflawed\b/gi,
  /\bin opposition\b/gi,
];

/** Half-weight critical cues: they describe circumstances more than they judge. */
export const DESCRIPTIVE = [/\black of\b/gi, /\bpoor(?:ly)?\b/gi, /\bunderdeveloped\b/gi, /\bbarriers?\b/gi];

export const NEGATION_BEFORE = /\b(?:not|n't|never|no longer)\s+(?:\w+\s+){0,2}$/i;

export interface StanceResult {
  stance: Stance;
  cues: string[];
}

/** Every cue in the order its matches are listed before they are sorted: supportive, critical, descriptive. */
const CUES: Array<{ re: RegExp; side: 'supportive' | 'critical'; weight: number; negatable: boolean }> = [
  ...SUPPORTIVE.map((re) => ({ re, side: 'supportive' as const, weight: 1, negatable: true })),
  ...CRITICAL.map((re) => ({ re, side: 'critical' as const, weight: 1, negatable: false })),
  ...DESCRIPTIVE.map((re) => ({ re, side: 'critical' as const, weight: 0.5, negatable: false })),
];
const CUE_MATCHER = prepareMatchEach(CUES.map((c) => c.re));

export function stanceOf(text: string): StanceResult {
  const matches = matchEach(text, CUE_MATCHER);
  const found: Array<{ at: number; cue: string; side: 'supportive' | 'critical'; weight: number }> = [];
  CUES.forEach((cue, i) => {
    for (const m of matches[i]!) {
      if (cue.negatable) {
        const negated = NEGATION_BEFORE.test(text.slice(Math.max(0, m.at - 30), m.at));
        found.push({ at: m.at, cue: negated ? `not ${m.text}` : m.text, side: negated ? 'critical' : 'supportive', weight: 1 });
      } else {
        found.push({ at: m.at, cue: m.text, side: cue.side, weight: cue.weight });
      }
    }
  });
  found.sort((a, b) => a.at - b.at);
  const weigh = (side: 'supportive' | 'critical') => found.filter((f) => f.side === side).reduce((n, f) => n + f.weight, 0);
  const supportive = weigh('supportive');
  const critical = weigh('critical');
  let stance: Stance;
  if (found.length === 0) stance = 'neutral';
  else if (supportive === critical || Math.min(supportive, critical) > 1) stance = 'mixed';
  else stance = supportive > critical ? 'supportive' : 'critical';
  return { stance, cues: found.map((f) => f.cue.toLowerCase()) };
}

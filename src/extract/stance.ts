// Stance of an answer: supportive, critical, mixed or neutral, with the cue words that decided it
// shown, so a person can check. Negated support ("do not support") counts as criticism.
//
// Words that describe circumstances ("lack of", "poor", "underdeveloped") are weaker evidence of
// a view on the proposal than direct evaluation ("missed opportunity", "fails", "welcomes"), and
// count half. An answer is mixed when both sides weigh the same, or the lighter side still weighs
// more than one cue: a single passing remark does not make an answer mixed.

import type { Stance } from './types.js';

const SUPPORTIVE = [
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

const CRITICAL = [
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
const DESCRIPTIVE = [/\black of\b/gi, /\bpoor(?:ly)?\b/gi, /\bunderdeveloped\b/gi, /\bbarriers?\b/gi];

const NEGATION_BEFORE = /\b(?:not|n't|never|no longer)\s+(?:\w+\s+){0,2}$/i;

export interface StanceResult {
  stance: Stance;
  cues: string[];
}

export function stanceOf(text: string): StanceResult {
  const found: Array<{ at: number; cue: string; side: 'supportive' | 'critical'; weight: number }> = [];
  for (const re of SUPPORTIVE) {
    for (const m of text.matchAll(re)) {
      const negated = NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index));
      found.push({ at: m.index, cue: negated ? `not ${m[0]}` : m[0], side: negated ? 'critical' : 'supportive', weight: 1 });
    }
  }
  for (const re of CRITICAL) for (const m of text.matchAll(re)) found.push({ at: m.index, cue: m[0], side: 'critical', weight: 1 });
  for (const re of DESCRIPTIVE) for (const m of text.matchAll(re)) found.push({ at: m.index, cue: m[0], side: 'critical', weight: 0.5 });
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

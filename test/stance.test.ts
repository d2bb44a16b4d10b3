// stanceOf finds its cues in one pass per case mode, then tries each cue where a cue matched. It
// must give exactly what running every cue over the whole answer with matchAll gives (the
// reference below, the way stanceOf was first written), on the corpus and on generated answers.
import { describe, expect, it } from 'vitest';
import { matchEach, prepareMatchEach } from '../src/extract/match-each.js';
import { CRITICAL, DESCRIPTIVE, NEGATION_BEFORE, stanceOf, SUPPORTIVE } from '../src/extract/stance.js';
import { corpusDocuments } from './helpers/corpus.js';

function stanceByEachCue(text: string): ReturnType<typeof stanceOf> {
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
  const stance =
    found.length === 0 ? 'neutral' : supportive === critical || Math.min(supportive, critical) > 1 ? 'mixed' : supportive > critical ? 'supportive' : 'critical';
  return { stance, cues: found.map((f) => f.cue.toLowerCase()) };
}

describe('stanceOf', () => {
  it('reads an answer: cues in text order, negated support as criticism, descriptive cues at half weight', () => {
    const answer = 'We welcome the guidance. We do not support the timetable, and the lack of funding is a concern.';
    // "welcome" 1 for; "lack of" 0.5 and "concern" 1 against ("do not support" is no cue: the cue
    // is "we support"). The lighter side weighs one cue, not more: critical, not mixed.
    expect(stanceOf(answer)).toEqual({ stance: 'critical', cues: ['welcome', 'lack of', 'concern'] });
    expect(stanceOf('It is a comprehensive and clear document.')).toEqual({ stance: 'supportive', cues: ['comprehensive'] });
    // Case-sensitive cue: not before a capitalised name ("Comprehensive Spending Review").
    expect(stanceOf('The comprehensive Spending Review.')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('We would never fully support this.')).toEqual({ stance: 'critical', cues: ['not fully support'] });
  });

  it('gives what each cue run over the whole answer gives, on every paragraph and document of the corpus', () => {
    let cues = 0;
    for (const { name, text } of corpusDocuments()) {
      for (const piece of [text, ...text.split(/\n\s*\n/)]) {
        const expected = stanceByEachCue(piece);
        expect(stanceOf(piece), name).toEqual(expected);
        cues += expected.cues.length;
      }
    }
    expect(cues).toBeGreaterThan(100);
  });

  it('gives what each cue run over the whole answer gives, on generated answers with overlapping cues', () => {
    let seed = 777;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const words = ['we', 'I', 'not', "don't", 'never', 'no longer', 'fully', 'strongly', 'also', 'very much', 'support', 'supports the',
      'supportive', 'endorse', 'agree with', 'welcome', 'Welcomed', 'pleased', 'comprehensive', 'Comprehensive', 'clear and comprehensive',
      'Spending', 'concern', 'concerned', 'fail', 'failure', 'lack of', 'poorly', 'barriers', 'disagree', 'agree', 'it is', 'is', 'helpful',
      'to see', 'that', 'sets out clearly', 'in favour', 'weaker', 'inconsistency', 'unclear', 'the', 'a', ',', '.', '\n'];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(next() * 14);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(words[Math.floor(next() * words.length)]!);
      const text = parts.join(next() < 0.5 ? ' ' : '  ');
      expect(stanceOf(text), JSON.stringify(text)).toEqual(stanceByEachCue(text));
    }
  });
});

describe('matchEach', () => {
  const each = (text: string, regexes: RegExp[]) => matchEach(text, prepareMatchEach(regexes));

  it('finds matches of different regexes that overlap, and none of one regex inside its own', () => {
    expect(each('abcd abab', [/abc/g, /bcd/g, /ab/g, /bab/g])).toEqual([
      [{ at: 0, text: 'abc' }],
      [{ at: 1, text: 'bcd' }],
      [{ at: 0, text: 'ab' }, { at: 5, text: 'ab' }, { at: 7, text: 'ab' }],
      [{ at: 6, text: 'bab' }],
    ]);
    expect(each('aaaa', [/aa/g])).toEqual([[{ at: 0, text: 'aa' }, { at: 2, text: 'aa' }]]);
  });

  it('keeps each regex to its own flags', () => {
    // Under i, (?! [A-Z]) would refuse " and" too: the case-sensitive regex runs in its own pass.
    expect(each('Comprehensive and comprehensive Review', [/\bcomprehensive\b(?! [A-Z])/g, /\breview\b/gi])).toEqual([
      [],
      [{ at: 32, text: 'Review' }],
    ]);
    expect(each('comprehensive and', [/\bcomprehensive\b(?! [A-Z])/g, /\band\b/gi])).toEqual([
      [{ at: 0, text: 'comprehensive' }],
      [{ at: 14, text: 'and' }],
    ]);
  });
});

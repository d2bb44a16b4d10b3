// The scanner's combined regex: phrases grouped under one \b by their first character must match
// at exactly the positions the flat alternation `a|b|c…` matches at (the scanner uses only where
// a match starts, then confirms each pattern there).
import { describe, expect, it } from 'vitest';
import { alternation, Scanner } from '../src/lint/scanner.js';
import { compileTerm } from '../src/lint/terms.js';
import { compileRuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { loadFrame } from '../src/compare/frame.js';
import { countingScanner, makeCounters } from '../src/compare/compare.js';
import { repoRoot } from './helpers/cli.js';
import { corpusDocuments } from './helpers/corpus.js';

/** Where a regex matches, stepping one character past each match start, as Scanner.scan does. */
function starts(source: string, flags: string, text: string): number[] {
  const re = new RegExp(source, flags);
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return out;
}

describe('alternation', () => {
  it('groups phrases and regex terms by first character under one word boundary', () => {
    const patterns = ['commissioning', 'Contract', 'procurement', '/\\bfoo\\d+/', '/\\bmutual(?:s|ity)\\b/', 'a single voice'].map((t) =>
      compileTerm(t, false),
    );
    // A phrase ends where no letter or digit follows, nor underscores joined to one.
    const end = '(?![A-Za-z0-9])(?!_+[A-Za-z0-9])';
    expect(alternation(patterns, false)).toBe(
      `\\b(?:c(?:ommissioning(?:s|es)?${end}|ontract(?:s|es)?${end})|p(?:rocurement(?:s|es)?${end})|f(?:oo\\d+)|m(?:utual(?:s|ity)\\b)|a(?:[\\s\\u00a0\\-\\u2010\\u2011]+single[\\s\\u00a0\\-\\u2010\\u2011]+voice(?:s|es)?${end}))`,
    );
  });

  it('leaves as written a regex term with no word boundary and literal first, with a quantifier on its first character, or with a | outside groups', () => {
    const terms = ['/[Ff]oo/', '/\\bs+x/', '/\\bco-?op|\\bmutual/', '/\\b[ab]c/', '/\\b(?:x)y/'];
    const patterns = terms.map((t) => compileTerm(t, false));
    expect(alternation(patterns, false)).toBe('(?:[Ff]oo)|(?:\\bs+x)|(?:\\bco-?op|\\bmutual)|(?:\\b[ab]c)|(?:\\b(?:x)y)');
    // With the same terms beside phrases, they match where the flat alternation matches.
    const mixed = [...patterns, ...['cooperation', 'social enterprise'].map((t) => compileTerm(t, false))];
    const flat = mixed.map((p) => p.source).join('|');
    const text = 'Foo, sssx, co-op and mutual: bc xy; cooperation by a social enterprise, ss x, mutuality.';
    expect(starts(alternation(mixed, false), 'gi', text)).toEqual(starts(flat, 'gi', text));
    expect(starts(flat, 'gi', text)).toEqual([0, 5, 11, 21, 29, 32, 36, 53, 78]);
  });

  it('keeps the case of the first character when case matters', () => {
    const patterns = ['Third Sector', 'third sector'].map((t) => compileTerm(t, true));
    const source = alternation(patterns, true);
    expect(source.startsWith('\\b(?:T(?:hird')).toBe(true);
    expect(source).toContain('|t(?:hird');
    expect(starts(source, 'g', 'the Third Sector and third sector, not THIRD SECTOR')).toEqual([4, 21]);
  });

  it('matches where the flat alternation matches, on the bundled corpus, for the packs and the coding frame', async () => {
    const texts = corpusDocuments().map((d) => d.text);
    const packs = [await resolvePack('third-sector', repoRoot), await resolvePack('uk-spelling', repoRoot)];
    const frame = await loadFrame('childrens-services', repoRoot);
    // The scanners as canvass builds them: lint's for each pack, compare's for terms and themes.
    const scanners = [
      ...packs.map((p) => compileRuleSet([p]).scanner),
      countingScanner(makeCounters(['third sector', 'social enterprise'], undefined), undefined).scanner,
      countingScanner(makeCounters([], frame), undefined).scanner,
    ];
    let lanes = 0;
    let compared = 0;
    for (const scanner of scanners) {
      for (const lane of scanner.combinedSources()) {
        const flat = scanner
          .patternSources()
          .filter((p) => p.flags === lane.flags)
          .map((p) => p.source)
          .join('|');
        expect(lane.source).not.toBe(flat);
        lanes++;
        for (const text of texts) {
          const expected = starts(flat, lane.flags, text);
          expect(starts(lane.source, lane.flags, text)).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(lanes).toBe(5);
    expect(compared).toBeGreaterThan(500);
  });
});

describe('an extended scanner (compare: lint, terms and themes in one pass)', () => {
  it('finds what the rule set and separate term and theme scanners find, under the owners each expects', async () => {
    const texts = corpusDocuments().map((d) => d.text);
    const ruleSet = compileRuleSet([await resolvePack('third-sector', repoRoot)]);
    const frame = await loadFrame('childrens-services', repoRoot);
    const terms = ['third sector', 'voluntary sector', 'social enterprise', 'co-operative'];
    const counters = makeCounters(terms, frame);
    const counting = countingScanner(counters, ruleSet);
    expect(countingScanner(counters, ruleSet)).toBe(counting); // made once per rule set
    // The same patterns, each group scanned on its own.
    const alone = (patterns: string[][]) => {
      const scanner = compileRuleSet([]).scanner;
      const owners = patterns.map((p) => scanner.register(p.map((t) => compileTerm(t, false))));
      return (text: string) => owners.map((o) => scanner.scan(text)[o]!);
    };
    const termsAlone = alone(terms.map((t) => [t]));
    const themesAlone = alone(frame.themes.map((t) => t.terms));
    const places = (hits: ReadonlyArray<{ start: number; end: number }>) => hits.map((h) => `${h.start}-${h.end}`);
    let compared = 0;
    for (const text of texts) {
      const hits = counting.scanner.scan(text);
      const own = ruleSet.scanner.scan(text);
      expect(hits.slice(0, own.length).map(places)).toEqual(own.map(places));
      expect(counting.termOwners.map((o) => places(hits[o]!))).toEqual(termsAlone(text).map(places));
      expect(counting.themeOwners.map((o) => places(hits[o]!))).toEqual(themesAlone(text).map(places));
      compared += hits.reduce((n, h) => n + h.length, 0);
    }
    const base = ruleSet.scanner.owners;
    expect(counting.termOwners).toEqual([base, base + 1, base + 2, base + 3]);
    expect(compared).toBeGreaterThan(500);
  });
});

describe('a phrase across line ends', () => {
  it('matches across one line end of any kind, never across a blank line, whichever line ends the file uses', () => {
    const scanner = new Scanner();
    const owner = scanner.register([compileTerm('voluntary sector', false)]);
    const found = (text: string) => scanner.scan(text)[owner]!.map((h) => [h.start, h.end]);
    // "voluntary" is 9 characters; the match ends after "sector".
    expect(found('voluntary\nsector')).toEqual([[0, 16]]);
    expect(found('voluntary\r\nsector')).toEqual([[0, 17]]);
    expect(found('voluntary\rsector')).toEqual([[0, 16]]);
    // A paragraph break: two line ends, with only spaces or tabs between them.
    for (const gap of ['\n\n', '\r\n\r\n', '\r\r', '\n \t\n', '\r \r']) expect(found(`voluntary${gap}sector`)).toEqual([]);
  });
});

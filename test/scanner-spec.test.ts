// A scanner sent to another thread (Scanner.spec -> structured clone -> Scanner.fromSpec) and its
// hits sent back as numbers (scanFlat -> hitsFrom) must give exactly what scan() gives here: the
// read-ahead worker scans files for lint this way (src/ingest/read-ahead-worker.ts).
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/lint/scanner.js';
import { compileTerm } from '../src/lint/terms.js';
import { compileRuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { loadFrame } from '../src/compare/frame.js';
import { countingScanner, makeCounters } from '../src/compare/compare.js';
import { repoRoot } from './helpers/cli.js';
import { corpusDocuments } from './helpers/corpus.js';

/** The scanner as the worker gets it: its spec through a structured clone, as postMessage sends it. */
const acrossThreads = (scanner: Scanner) => Scanner.fromSpec(structuredClone(scanner.spec()));

describe('Scanner across threads', () => {
  it('finds the hits scan() finds, per owner and in order, for a small scanner whose owners share a pattern', () => {
    const scanner = new Scanner();
    const third = compileTerm('third sector', false);
    const owners = [
      scanner.register([third]),
      scanner.register([compileTerm('/\\bco-?operatives?\\b/', false), compileTerm('mutuals', false)]),
      scanner.register([third]), // the same pattern again: one entry, two owners
      scanner.register([compileTerm('Third Sector', true)]),
    ];
    const text = 'The Third Sector, co-operatives and mutuals: the third-sector\nas a whole. Cooperative third sectors.';
    const remote = acrossThreads(scanner);
    const hits = scanner.hitsFrom(remote.scanFlat(text));
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const spans = hits.map((list) => list.map((h) => [h.owner, h.start, h.end]));
    expect(spans).toEqual([
      [
        [owners[0], at('Third Sector'), at('Third Sector') + 12],
        [owners[0], at('third-sector'), at('third-sector') + 12],
        [owners[0], at('third sectors'), at('third sectors') + 13],
      ],
      [
        [owners[1], at('co-operatives'), at('co-operatives') + 13],
        [owners[1], at('mutuals'), at('mutuals') + 7],
        [owners[1], at('Cooperative'), at('Cooperative') + 11],
      ],
      [
        [owners[2], at('Third Sector'), at('Third Sector') + 12],
        [owners[2], at('third-sector'), at('third-sector') + 12],
        [owners[2], at('third sectors'), at('third sectors') + 13],
      ],
      [[owners[3], at('Third Sector'), at('Third Sector') + 12]],
    ]);
    // The hits point at this side's patterns (the rules compare them by identity).
    expect(hits[0]![0]!.pattern).toBe(third);
    expect(hits).toEqual(scanner.scan(text));
  });

  it('gives scan()\'s hits on every corpus document, for the bundled packs and for compare\'s extended scanner', async () => {
    const ruleSet = compileRuleSet([await resolvePack('third-sector', repoRoot), await resolvePack('uk-spelling', repoRoot)]);
    const frame = await loadFrame('childrens-services', repoRoot);
    const extended = countingScanner(makeCounters(['third sector', 'social enterprise'], frame), ruleSet).scanner;
    for (const scanner of [ruleSet.scanner, extended]) {
      const remote = acrossThreads(scanner);
      for (const { name, text } of corpusDocuments()) {
        const local = scanner.scan(text);
        expect(local.some((list) => list.length > 0), name).toBe(true);
        expect(scanner.hitsFrom(remote.scanFlat(text)), name).toEqual(local);
      }
    }
  });
});

// Every bundled pack's examples pass, and the tester fails loudly on a wrong example.
import { describe, expect, it } from 'vitest';
import { parseMarks, testPackExamples } from '../src/lint/rule-tester.js';
import { bundledPacksDir, listBundledPacks, resolvePack } from '../src/packs/load.js';
import type { Pack } from '../src/packs/types.js';

describe('bundled packs', () => {
  it('are the third-sector and uk-spelling packs', () => {
    expect(listBundledPacks()).toEqual(['third-sector', 'uk-spelling']);
  });

  for (const name of ['third-sector', 'uk-spelling']) {
    it(`${name}: every example passes, and every rule has examples`, async () => {
      const pack = await resolvePack(name, bundledPacksDir());
      const results = await testPackExamples(pack);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      for (const rule of pack.rules) {
        const mine = results.filter((r) => r.ruleId === `${name}/${rule.id}`);
        expect(mine.filter((r) => r.kind === 'valid').length, rule.id).toBeGreaterThan(0);
        expect(mine.filter((r) => r.kind === 'invalid').length, rule.id).toBeGreaterThan(0);
      }
    });
  }
});

describe('the rule tester', () => {
  const pack = (valid: string[], invalid: Array<{ text: string; fixed?: string }>): Pack => ({
    name: 'demo',
    sources: [],
    origin: 'test',
    rules: [
      {
        id: 'swap',
        kind: 'substitution',
        severity: 'warning',
        message: "use '{{expected}}'",
        swap: { 'voluntary sector': 'third sector' },
        examples: { valid, invalid },
      },
    ],
  });

  it('parses [[marks]]', () => {
    expect(parseMarks('The [[voluntary sector]] and [[x]].')).toEqual({
      text: 'The voluntary sector and x.',
      marks: [
        { offset: 4, length: 16 },
        { offset: 25, length: 1 },
      ],
    });
  });

  it('passes correct examples', async () => {
    const results = await testPackExamples(
      pack(['The third sector.'], [{ text: 'The [[voluntary sector]].', fixed: 'The third sector.' }]),
    );
    expect(results.map((r) => [r.kind, r.ok])).toEqual([
      ['valid', true],
      ['invalid', true],
    ]);
  });

  it('fails a valid example that has a finding, with the finding shown', async () => {
    const [result] = await testPackExamples(pack(['The voluntary sector.'], []));
    expect(result!.ok).toBe(false);
    expect(result!.failure).toBe(`expected no findings, got 1:\n  1:5 "voluntary sector" use 'third sector'`);
  });

  it('fails an invalid example whose marks do not match, counting exactly', async () => {
    const [wrongPlace] = await testPackExamples(pack([], [{ text: '[[The]] voluntary sector.' }]));
    expect(wrongPlace!.failure).toBe('expected 1 finding(s):\n  0+3 "The"\ngot 1:\n  4+16 "voluntary sector"');
    const [tooFew] = await testPackExamples(pack([], [{ text: 'The [[voluntary sector]] and [[voluntary sector]]; voluntary sector.' }]));
    expect(tooFew!.ok).toBe(false);
    expect(tooFew!.failure).toContain('expected 2 finding(s)');
    expect(tooFew!.failure).toContain('got 3:');
  });

  it('fails an invalid example whose text after --fix differs', async () => {
    const [result] = await testPackExamples(pack([], [{ text: 'The [[voluntary sector]].', fixed: 'The 3rd sector.' }]));
    expect(result!.failure).toBe('after --fix expected:\n  The 3rd sector.\ngot:\n  The third sector.');
  });

  it("fails an invalid example with a '[[' that is never closed, saying so", async () => {
    const [result] = await testPackExamples(pack([], [{ text: 'The [[voluntary sector]] and [[voluntary sector.' }]));
    expect(result!.ok).toBe(false);
    expect(result!.failure).toBe(
      "the '[[' at 25 is never closed with ']]'\n" +
        'expected 1 finding(s):\n  4+16 "voluntary sector"\ngot 2:\n  4+16 "voluntary sector"\n  27+16 "voluntary sector"',
    );
  });

  it('requires an invalid example to mark its findings', async () => {
    const [result] = await testPackExamples(pack([], [{ text: 'The voluntary sector.' }]));
    expect(result!.ok).toBe(false);
    expect(result!.failure).toContain('must mark its expected findings');
  });
});

// textlint + textlint-rule-prh set up with rules equivalent to a canvass pack's, for comparison.
// prh rewrites patterns to an expected form, so it can stand in for substitution rules (and for
// consistency rules, mapped to their first-listed form) and existence rules; acronym and
// near-miss rules have no prh equivalent and are left out (canvass does more work, not less).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTerm } from '../src/lint/terms.js';
import type { Pack } from '../src/packs/types.js';

export interface PrhSetup {
  configPath: string;
  mappedRules: number;
  skippedRules: number;
  /** A canvass config that runs only the mapped rules (the others off): a like-for-like run. */
  canvassConfigPath: string;
}

export function writePrhConfig(packs: readonly Pack[], dir: string): PrhSetup {
  mkdirSync(dir, { recursive: true });
  const rules: Array<{ expected: string; patterns: string[] }> = [];
  let mapped = 0;
  let skipped = 0;
  const skippedIds: string[] = [];
  const pattern = (term: string, caseSensitive: boolean) => {
    const p = compileTerm(term, caseSensitive);
    return `/${p.source.replace(/\//g, '\\/')}/${caseSensitive ? '' : 'i'}`;
  };
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const cs = rule.caseSensitive ?? false;
      if (rule.kind === 'substitution') {
        for (const [term, expected] of Object.entries(rule.swap)) rules.push({ expected, patterns: [pattern(term, cs)] });
        mapped++;
      } else if (rule.kind === 'consistency') {
        for (const group of rule.variants) {
          const [first, ...rest] = group;
          if (first && !first.startsWith('/')) rules.push({ expected: first, patterns: rest.map((t) => pattern(t, cs)) });
        }
        mapped++;
      } else if (rule.kind === 'existence') {
        rules.push({ expected: '(avoid)', patterns: rule.terms.map((t) => pattern(t, cs)) });
        mapped++;
      } else {
        skipped++;
        skippedIds.push(`${pack.name}/${rule.id}`);
      }
    }
  }
  const prh = ['version: 1', 'rules:'];
  for (const r of rules) {
    prh.push(`  - expected: ${JSON.stringify(r.expected)}`, '    patterns:');
    for (const p of r.patterns) prh.push(`      - ${JSON.stringify(p)}`);
  }
  writeFileSync(join(dir, 'prh.yml'), prh.join('\n') + '\n');
  const configPath = join(dir, '.textlintrc.json');
  writeFileSync(configPath, JSON.stringify({ rules: { prh: { rulePaths: [join(dir, 'prh.yml')] } } }, null, 2));
  const canvassConfigPath = join(dir, 'canvass-same-rules.yaml');
  writeFileSync(
    canvassConfigPath,
    [`packs: [${packs.map((p) => p.name).join(', ')}]`, 'rules:', ...skippedIds.map((id) => `  ${id}: off`)].join('\n') + '\n',
  );
  return { configPath, mappedRules: mapped, skippedRules: skipped, canvassConfigPath };
}

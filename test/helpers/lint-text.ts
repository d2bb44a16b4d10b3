// Lint a string with hand-built rules: the shortest path from a rule to its findings in tests.
import { openDocument } from '../../src/document/document.js';
import type { Format } from '../../src/document/model.js';
import { compileRuleSet, type CompileOptions } from '../../src/lint/compile.js';
import type { Finding } from '../../src/lint/finding.js';
import { lintDocument } from '../../src/lint/lint-document.js';
import type { Pack, Rule } from '../../src/packs/types.js';

export function packOf(rules: Rule[], name = 'test'): Pack {
  return { name, sources: [], rules, origin: 'test' };
}

export async function lintText(
  text: string,
  rules: Rule[],
  options: CompileOptions & { format?: Format } = {},
): Promise<Finding[]> {
  const doc = await openDocument(options.format === 'text' ? 'doc.txt' : 'doc.md', text, options.format);
  return lintDocument(doc, compileRuleSet([packOf(rules)], options));
}

/** "line:column match" for each finding: compact, exact, easy to read in an assertion. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.match}`);
}

// Runs every rule's own examples, as strictly as ESLint's RuleTester: a valid example must give
// no finding from its rule; an invalid example must give exactly the findings marked [[like
// this]] — same count, same places — and, when it says so, exactly the given text after --fix.
// Examples are linted as Markdown, each on its own, with only the rule under test switched on.

import { createDocument } from '../document/document.js';
import { loadMarkdownParser } from '../document/markdown-parse.js';
import type { Pack } from '../packs/types.js';
import { compileRuleSet } from './compile.js';
import { applyFixes } from './fix.js';
import type { Finding } from './finding.js';
import { lintDocument } from './lint-document.js';

export interface ExampleResult {
  ruleId: string;
  kind: 'valid' | 'invalid';
  /** 1-based position among the rule's valid or invalid examples. */
  index: number;
  text: string;
  ok: boolean;
  /** What went wrong, for people: expected vs actual. */
  failure?: string;
}

export interface MarkedText {
  text: string;
  marks: Array<{ offset: number; length: number }>;
  /** The offset in `text` of a "[[" that no "]]" closes (it stays in `text` as written). */
  unclosed?: number;
}

/** "The [[voluntary sector]] is" -> text without brackets, and where the brackets were. */
export function parseMarks(marked: string): MarkedText {
  const marks: MarkedText['marks'] = [];
  let text = '';
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf('[[', i);
    if (open === -1) break;
    const close = marked.indexOf(']]', open + 2);
    if (close === -1) {
      text += marked.slice(i, open);
      return { text: text + marked.slice(open), marks, unclosed: text.length };
    }
    text += marked.slice(i, open);
    const inner = marked.slice(open + 2, close);
    marks.push({ offset: text.length, length: inner.length });
    text += inner;
    i = close + 2;
  }
  return { text: text + marked.slice(i), marks };
}

export async function testPackExamples(pack: Pack, knownAcronyms: readonly string[] = []): Promise<ExampleResult[]> {
  await loadMarkdownParser(); // examples are short: load once rather than decide per example
  const results: ExampleResult[] = [];
  for (const rule of pack.rules) {
    const ruleId = `${pack.name}/${rule.id}`;
    const ruleSet = compileRuleSet([pack], { only: new Set([ruleId]), knownAcronyms });
    const lint = (text: string) =>
      lintDocument(createDocument(`${rule.id}.md`, text, 'markdown'), ruleSet).filter((f) => f.ruleId === ruleId);
    (rule.examples?.valid ?? []).forEach((text, i) => {
      const findings = lint(text);
      results.push({
        ruleId,
        kind: 'valid',
        index: i + 1,
        text,
        ok: findings.length === 0,
        ...(findings.length ? { failure: `expected no findings, got ${findings.length}:\n${describe(findings)}` } : {}),
      });
    });
    (rule.examples?.invalid ?? []).forEach((example, i) => {
      const { text, marks, unclosed } = parseMarks(example.text);
      const findings = lint(text);
      const problems: string[] = [];
      const expected = marks.map((m) => `${m.offset}+${m.length} ${JSON.stringify(text.slice(m.offset, m.offset + m.length))}`);
      const actual = findings.map((f) => `${f.offset}+${f.length} ${JSON.stringify(f.match)}`);
      if (unclosed !== undefined) problems.push(`the '[[' at ${unclosed} is never closed with ']]'`);
      else if (marks.length === 0) problems.push('an invalid example must mark its expected findings with [[…]]');
      if (expected.join('\n') !== actual.join('\n')) {
        problems.push(`expected ${marks.length} finding(s):\n${indent(expected)}\ngot ${findings.length}:\n${indent(actual)}`);
      }
      if (example.fixed !== undefined) {
        const fixed = applyFixes(text, findings).text;
        if (fixed !== example.fixed) problems.push(`after --fix expected:\n  ${example.fixed}\ngot:\n  ${fixed}`);
      }
      results.push({
        ruleId,
        kind: 'invalid',
        index: i + 1,
        text: example.text,
        ok: problems.length === 0,
        ...(problems.length ? { failure: problems.join('\n') } : {}),
      });
    });
  }
  return results;
}

function describe(findings: readonly Finding[]): string {
  return indent(findings.map((f) => `${f.line}:${f.column} ${JSON.stringify(f.match)} ${f.message}`));
}

function indent(lines: readonly string[]): string {
  return lines.length ? lines.map((l) => `  ${l}`).join('\n') : '  (none)';
}

// Linting on the read-ahead thread, for compare: while the main thread extracts one document,
// the worker that reads the next ones also lints them, with the same rules compiled again from
// the same configuration, and sends the findings beside the bytes (see ingest/read-ahead.ts).

import { RuleSetResolver, type ResolverOptions } from '../config/rule-sets.js';
import { createDocument } from '../document/document.js';
import { loadMarkdownParser, MarkdownParserNotLoaded } from '../document/markdown-parse.js';
import type { RuleSet } from './compile.js';
import type { Finding } from './finding.js';
import { lintDocument } from './lint-document.js';
import type { FlatHits, Scanner } from './scanner.js';

/** What the worker needs to compile the rules the main thread lints with, and to check it did. */
export interface LintAheadSetup {
  resolver: ResolverOptions;
  /** A file (absolute path) whose rules these are. */
  path: string;
  /** ruleSetFingerprint() of the main thread's rules. */
  fingerprint: string;
}

/**
 * Everything a rule set's findings depend on, as one string: its rules (pack definitions,
 * severities, links), the ids and pack names directives may name, the config's known acronyms,
 * and its scanner's patterns and owner numbers, which the hits are numbered by.
 */
export function ruleSetFingerprint(ruleSet: RuleSet): string {
  return JSON.stringify([
    ruleSet.rules.map((r) => [r.id, r.severity, r.link ?? null, r.rule]),
    [...ruleSet.knownIds],
    [...ruleSet.packNames],
    ruleSet.knownAcronyms,
    ruleSet.scanner.spec().entries.map((e) => [e.pattern.caseSensitive, e.pattern.source, e.owners]),
  ]);
}

export interface LintAhead {
  /**
   * The findings in `text` (the file at `path`), given its hits from a scanner extended from the
   * rules' own (owners numbered alike); undefined when the worker cannot lint it (the Markdown
   * parser is still loading), and the main thread lints it as before.
   */
  lint(path: string, text: string, hits: FlatHits): Finding[] | undefined;
}

/**
 * The rules of `setup.path`, compiled here; undefined unless they are the main thread's own (a
 * config or pack that changed since, or failed to load, would give other findings).
 */
export async function startLintAhead(setup: LintAheadSetup, scanner: Scanner): Promise<LintAhead | undefined> {
  const { ruleSet } = await new RuleSetResolver(setup.resolver).forFile(setup.path);
  if (!ruleSet || ruleSetFingerprint(ruleSet) !== setup.fingerprint) return undefined;
  return {
    lint(path, text, hits) {
      try {
        return lintDocument(createDocument(path, text), ruleSet, scanner.hitsFrom(hits));
      } catch (error) {
        if (!(error instanceof MarkdownParserNotLoaded)) throw error;
        // Loaded for the files after this one (if it fails to load, the main thread lints them).
        loadMarkdownParser().catch(() => undefined);
        return undefined;
      }
    },
  };
}

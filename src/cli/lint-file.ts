// Linting one input, start to finish: its rules, reading, linting, --fix. Shared by the main
// thread and the worker threads (lint-worker.ts), so both do exactly the same thing.

import { resolve } from 'node:path';
import { createDocument, withMarkdownParser } from '../document/document.js';
import type { RuleSetResolver } from '../config/rule-sets.js';
import type { PreRead } from '../ingest/read-ahead.js';
import { readSource } from '../ingest/read.js';
import { describeFsError, type InputRef } from '../ingest/source.js';
import type { RuleSet } from '../lint/compile.js';
import { applyFixes, carryThroughEdits, pendingOf, stillPending } from '../lint/fix.js';
import type { FileResult, Finding } from '../lint/finding.js';
import { lintDocument } from '../lint/lint-document.js';
import type { Hit } from '../lint/scanner.js';
import { writeFileAtomic } from './atomic-write.js';

/** What a file's linting depends on besides the file: plain data, so it can cross to a worker. */
export interface FileJob {
  cwd: string;
  stdinFilename?: string;
  fix?: boolean;
  /** Absolute paths named on the command line: never skipped by a config's `ignore`. */
  explicit: string[];
}

/** A file its config's `ignore` leaves out, and that config (absolute path). */
export interface IgnoredFile {
  ignoredBy: string;
}

/** Passes of fix-then-relint: a fix skipped because it overlapped another is tried again. */
const FIX_PASSES = 3;

/** Lint one input, unless its config ignores it. */
export async function lintInput(
  ref: InputRef,
  resolver: RuleSetResolver,
  job: FileJob,
  stdin?: NodeJS.ReadableStream,
  preRead?: PreRead,
): Promise<FileResult | IgnoredFile> {
  const abs =
    ref.kind === 'file' ? resolve(job.cwd, ref.path) : job.stdinFilename ? resolve(job.cwd, job.stdinFilename) : undefined;
  const rules = await resolver.forFile(abs);
  const ignoredBy = ref.kind === 'file' && abs && !job.explicit.includes(abs) ? rules.ignoredBy(abs) : undefined;
  if (ignoredBy) return { ignoredBy };
  const read = await readSource(ref, {
    cwd: job.cwd,
    ...(job.stdinFilename ? { stdinFilename: job.stdinFilename } : {}),
    ...(stdin ? { stdin } : {}),
    ...(preRead ? { preRead } : {}),
  });
  if (!read.ok) return { path: read.path, findings: [], problems: [read.problem] };
  const source = read.source;
  const result: FileResult = { path: source.path, findings: [], problems: [...source.warnings] };
  if (rules.blocked || !rules.ruleSet) {
    result.problems.push({ severity: 'error', message: rules.blocked ?? 'not linted: no rules', notLinted: true });
    return result;
  }
  // Hits the read-ahead worker found with this file's own scanner (the same rules) spare a scan.
  const hits = preRead && 'hits' in preRead && preRead.hits?.scanner === rules.ruleSet.scanner ? preRead.hits : undefined;
  result.findings = await lint(source.path, source.text, rules.ruleSet, hits && hits.scanner.hitsFrom(hits.flat));
  if (job.fix && ref.kind === 'file' && result.findings.some((f) => f.fix)) {
    if (source.encoding !== 'utf-8') {
      result.problems.push({ severity: 'warning', message: 'not fixed: the file is not UTF-8, and --fix writes UTF-8 only' });
    } else {
      const asRead = result.findings;
      let text = source.text;
      let fixed = 0;
      // Only the findings the file as read gave are fixed; what the fixes bring about is reported.
      let toFix = result.findings;
      for (let pass = 0; pass < FIX_PASSES && toFix.length > 0; pass++) {
        const applied = applyFixes(text, toFix);
        text = applied.text;
        fixed += applied.applied;
        result.findings = await lint(source.path, text, rules.ruleSet);
        toFix = stillPending(result.findings, carryThroughEdits(pendingOf(applied.skipped), applied.edits));
      }
      try {
        await writeFileAtomic(resolve(job.cwd, ref.path), (source.bom ? '\ufeff' : '') + text);
        result.fixedText = text;
        result.fixed = fixed;
      } catch (err) {
        // The file is as it was: report what it holds, and why it was not fixed.
        result.findings = asRead;
        result.problems.push({ severity: 'error', message: `not fixed: cannot write the file: ${describeFsError(err)}` });
      }
    }
  }
  return result;
}

function lint(path: string, text: string, ruleSet: RuleSet, hits?: Hit[][]): Promise<Finding[]> {
  return withMarkdownParser(() => lintDocument(createDocument(path, text), ruleSet, hits));
}

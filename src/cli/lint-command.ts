// `canvass lint`: inputs -> files -> documents -> findings -> report -> text and an exit code.

import { relative, resolve } from 'node:path';
import { createDocument, withMarkdownParser } from '../document/document.js';
import { RuleSetResolver } from '../config/rule-sets.js';
import { discoverInputs } from '../ingest/discover.js';
import { readSource } from '../ingest/read.js';
import type { InputRef } from '../ingest/source.js';
import type { RuleSet } from '../lint/compile.js';
import { applyFixes } from '../lint/fix.js';
import type { FileResult, Finding } from '../lint/finding.js';
import { lintDocument } from '../lint/lint-document.js';
import { lintFormatters, type LintFormatName } from '../report/formatters/index.js';
import { summarise, type LintReport } from '../report/lint-report.js';
import type { LocatedProblem } from '../yaml/located-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { useColor } from './color.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';

export interface LintOptions {
  format: string;
  config?: string;
  pack?: string[];
  ignore?: string[];
  stdinFilename?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  color?: boolean;
}

export interface CommandIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

/** Passes of fix-then-relint: a fix may reveal or create another finding (ESLint does 10). */
const FIX_PASSES = 3;
/** Files read ahead of the linter: overlaps disk reads with CPU work. */
const READ_AHEAD = 16;

export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  const format = checkFormat(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  if (paths.length === 0) throw new UsageError('give files, directories or globs to lint (or - to read standard input)');
  if (options.fix && paths.includes('-')) throw new UsageError('--fix cannot write back to standard input; lint a file instead');

  const discovery = await discoverInputs(paths, { cwd: io.cwd, ignore: options.ignore ?? [] });
  const resolver = new RuleSetResolver({
    cwd: io.cwd,
    ...(options.config ? { configPath: options.config } : {}),
    ...(options.pack?.length ? { packs: options.pack } : {}),
  });
  const explicit = new Set(paths.map((p) => resolve(io.cwd, p)));

  const results: FileResult[] = discovery.problems.map((p) => ({
    path: p.input,
    findings: [],
    problems: [{ severity: 'error', message: p.message }],
  }));
  const files = discovery.files;
  // Keep READ_AHEAD reads in flight, lint in input order.
  const pending: Array<Promise<FileResult | undefined>> = [];
  const start = (i: number) => {
    const ref = files[i];
    if (ref) pending[i] = lintInput(ref, resolver, explicit, options, io);
  };
  for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const result = await pending[i]!;
    delete pending[i];
    start(i + READ_AHEAD);
    if (result) results.push(result);
  }

  const configProblems = resolver.problems.map((p) => relativeProblem(p, io.cwd));
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const report: LintReport = { files: shown, configProblems, summary: summarise(shown, configProblems) };
  const color = format === 'stylish' ? useColor(options.color, io.stdout as NodeJS.WriteStream) : false;
  io.stdout.write(lintFormatters[format](report, { color, quiet: options.quiet ?? false }));
  // Config problems are also on stderr in machine formats, where a person may not read stdout.
  if (format !== 'stylish' && configProblems.length) {
    for (const p of configProblems) io.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
  }
  return exitCode(results, configProblems, maxWarnings);
}

async function lintInput(
  ref: InputRef,
  resolver: RuleSetResolver,
  explicit: ReadonlySet<string>,
  options: LintOptions,
  io: CommandIO,
): Promise<FileResult | undefined> {
  const abs = ref.kind === 'file' ? resolve(io.cwd, ref.path) : options.stdinFilename ? resolve(io.cwd, options.stdinFilename) : undefined;
  const rules = await resolver.forFile(abs);
  if (ref.kind === 'file' && abs && !explicit.has(abs) && rules.ignores(abs)) return undefined;
  const read = await readSource(ref, {
    cwd: io.cwd,
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
    ...(io.stdin ? { stdin: io.stdin } : {}),
  });
  if (!read.ok) return { path: read.path, findings: [], problems: [read.problem] };
  const source = read.source;
  const result: FileResult = { path: source.path, findings: [], problems: [...source.warnings] };
  if (rules.blocked || !rules.ruleSet) {
    result.problems.push({ severity: 'error', message: rules.blocked ?? 'not linted: no rules' });
    return result;
  }
  result.findings = await lint(source.path, source.text, rules.ruleSet);
  if (options.fix && ref.kind === 'file' && result.findings.some((f) => f.fix)) {
    if (source.encoding !== 'utf-8') {
      result.problems.push({ severity: 'warning', message: 'not fixed: the file is not UTF-8, and --fix writes UTF-8 only' });
    } else {
      let text = source.text;
      for (let pass = 0; pass < FIX_PASSES && result.findings.some((f) => f.fix); pass++) {
        text = applyFixes(text, result.findings).text;
        result.findings = await lint(source.path, text, rules.ruleSet);
      }
      await writeFileAtomic(resolve(io.cwd, ref.path), (source.bom ? '\ufeff' : '') + text);
      result.fixedText = text;
    }
  }
  return result;
}

function lint(path: string, text: string, ruleSet: RuleSet): Promise<Finding[]> {
  return withMarkdownParser(() => lintDocument(createDocument(path, text), ruleSet));
}

function checkFormat(format: string): LintFormatName {
  if (format in lintFormatters) return format as LintFormatName;
  throw new UsageError(`unknown format '${format}'; choose one of: ${Object.keys(lintFormatters).join(', ')}`);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings must be a whole number of 0 or more (got '${value}')`);
  return n;
}

function errorsOnly(file: FileResult): FileResult {
  return { ...file, findings: file.findings.filter((f) => f.severity === 'error') };
}

function relativeProblem(p: LocatedProblem, cwd: string): LocatedProblem {
  const rel = relative(cwd, p.file);
  return { ...p, file: rel && !rel.startsWith('..') ? rel.split('\\').join('/') : p.file };
}

function exitCode(results: readonly FileResult[], configProblems: readonly LocatedProblem[], maxWarnings: number | undefined): number {
  if (configProblems.length || results.some((r) => r.problems.some((p) => p.severity === 'error'))) return EXIT_USAGE;
  const findings = results.flatMap((r) => r.findings);
  if (findings.some((f) => f.severity === 'error')) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

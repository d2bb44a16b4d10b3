// `canvass lint`: inputs -> files -> documents -> findings -> report -> text and an exit code.

import { resolve } from 'node:path';
import { RuleSetResolver, type ResolverOptions } from '../config/rule-sets.js';
import { discoverInputs } from '../ingest/discover.js';
import type { FileResult } from '../lint/finding.js';
import { lintFormatters, type LintFormatName } from '../report/formatters/index.js';
import { summarise, type LintReport } from '../report/lint-report.js';
import { formatProblem, type LocatedProblem } from '../yaml/located-error.js';
import { inInputOrder } from './in-order.js';
import { lintInput, type FileJob } from './lint-file.js';
import { defaultJobs, lintInParallel, PARALLEL_MIN_FILES } from './parallel-lint.js';
import { colourOutput } from './color.js';
import { relativeProblem } from './display-path.js';
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
  jobs?: string;
}

export interface CommandIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  const format = checkFormat(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const jobs = parseJobs(options.jobs);
  if (paths.length === 0) throw new UsageError('give files, directories or globs to lint (or - to read standard input)');
  if (options.fix && paths.includes('-')) throw new UsageError('--fix cannot write back to standard input; lint a file instead');

  const discovery = await discoverInputs(paths, { cwd: io.cwd, ignore: options.ignore ?? [] });
  const resolverOptions: ResolverOptions = {
    cwd: io.cwd,
    ...(options.config ? { configPath: options.config } : {}),
    ...(options.pack?.length ? { packs: options.pack } : {}),
  };
  const job: FileJob = {
    cwd: io.cwd,
    explicit: paths.map((p) => resolve(io.cwd, p)),
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
    ...(options.fix ? { fix: true } : {}),
  };

  const results: FileResult[] = discovery.problems.map((p) => ({
    path: p.input,
    findings: [],
    problems: [{ severity: 'error', message: p.message }],
  }));
  const files = discovery.files;
  let resolverProblems: LocatedProblem[];
  if (jobs > 1 && files.length >= PARALLEL_MIN_FILES && !files.some((f) => f.kind === 'stdin')) {
    const parallel = await lintInParallel(files, jobs, { job, resolver: resolverOptions });
    for (const r of parallel.results) if (r) results.push(r);
    resolverProblems = parallel.problems;
  } else {
    const resolver = new RuleSetResolver(resolverOptions);
    for await (const [result] of inInputOrder(files, (ref) => lintInput(ref, resolver, job, ref.kind === 'stdin' ? io.stdin : undefined))) if (result) results.push(result);
    resolverProblems = resolver.problems;
  }

  const configProblems = dedupeProblems(resolverProblems).map((p) => relativeProblem(p, io.cwd));
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const report: LintReport = { files: shown, configProblems, summary: summarise(shown, configProblems) };
  const color = format === 'stylish' ? await colourOutput(options.color, io.stdout as NodeJS.WriteStream) : false;
  io.stdout.write(lintFormatters[format](report, { color, quiet: options.quiet ?? false }));
  // Config problems are also on stderr in machine formats, where a person may not read stdout.
  if (format !== 'stylish' && configProblems.length) {
    for (const p of configProblems) io.stderr.write(`${formatProblem(p)}\n`);
  }
  return exitCode(results, configProblems, maxWarnings);
}

/** Each worker reports the config problems it met; the same problem is shown once. */
function dedupeProblems(problems: readonly LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a whole number of 1 or more (got '${value}')`);
  return n;
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

function exitCode(results: readonly FileResult[], configProblems: readonly LocatedProblem[], maxWarnings: number | undefined): number {
  if (configProblems.length || results.some((r) => r.problems.some((p) => p.severity === 'error'))) return EXIT_USAGE;
  const findings = results.flatMap((r) => r.findings);
  if (findings.some((f) => f.severity === 'error')) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

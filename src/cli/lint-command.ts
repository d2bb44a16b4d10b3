// `canvass lint`: inputs -> files -> documents -> findings -> report -> text and an exit code.

import { resolve } from 'node:path';
import { RuleSetResolver, type ResolverOptions } from '../config/rule-sets.js';
import { discoverInputs, type DiscoveryProblem } from '../ingest/discover.js';
import { withReadAhead } from '../ingest/read-ahead.js';
import type { FileResult } from '../lint/finding.js';
import { lintFormatters, type LintFormatName } from '../report/formatters/index.js';
import { addToSummary, emptySummary, type LintReport } from '../report/lint-report.js';
import { JsonLintWriter } from '../report/formatters/json.js';
import { formatProblem, type LocatedProblem } from '../yaml/located-error.js';
import { lintInput, type FileJob, type IgnoredFile } from './lint-file.js';
import { EmptiedInputs } from './emptied-inputs.js';
import { defaultJobs, lintInParallel, PARALLEL_MIN_FILES } from './parallel-lint.js';
import { ChunkedOutput } from './chunked-output.js';
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

  // Results are taken in input order as they come. JSON is written file by file (a corpus's
  // findings are never all held); the other formats need the whole report (stylish puts config
  // problems first and aligns columns), so they keep the results.
  // JSON goes out in chunks of many files: a write per file is a system call each on a pipe.
  const output = format === 'json' ? new ChunkedOutput((chunk) => io.stdout.write(chunk)) : undefined;
  const writer = output ? new JsonLintWriter(output.write) : undefined;
  const kept: FileResult[] = [];
  const summary = emptySummary();
  const outcome: Outcome = { inputError: false, errorFinding: false, warnings: 0 };
  const take = (result: FileResult) => {
    noteOutcome(outcome, result);
    const shown = options.quiet ? errorsOnly(result) : result;
    addToSummary(summary, shown);
    if (writer) writer.file(shown);
    else kept.push(shown);
  };
  const takeProblem = (p: DiscoveryProblem) => take({ path: p.input, findings: [], problems: [{ severity: 'error', message: p.message }] });
  for (const p of discovery.problems) takeProblem(p);
  const emptied = new EmptiedInputs(discovery.walked, io.cwd);
  let index = 0;
  const takeOrNote = (r: FileResult | IgnoredFile) => {
    if ('ignoredBy' in r) emptied.ignored(index, r.ignoredBy);
    else take(r);
    index++;
  };

  const files = discovery.files;
  let resolverProblems: LocatedProblem[];
  if (jobs > 1 && files.length >= PARALLEL_MIN_FILES && !files.some((f) => f.kind === 'stdin')) {
    resolverProblems = await lintInParallel(files, jobs, { job, resolver: resolverOptions }, takeOrNote);
  } else {
    const resolver = new RuleSetResolver(resolverOptions);
    // One file at a time; a long list is read ahead on a worker thread (not with --fix, which
    // writes files back: each is read just before it is fixed). The worker also runs the scan
    // for the first rules that load (the first file's, unless its config or packs are broken),
    // which most runs share (one config); a file with other rules is scanned here as before.
    const absPaths = function* () {
      for (const f of files) if (f.kind === 'file') yield resolve(io.cwd, f.path);
    };
    const firstRules = async () => (await resolver.firstRuleSet(absPaths()))?.scanner;
    for await (const { input: ref, preRead } of withReadAhead(files, io.cwd, !options.fix, { scanner: firstRules })) {
      takeOrNote(await lintInput(ref, resolver, job, ref.kind === 'stdin' ? io.stdin : undefined, preRead));
    }
    resolverProblems = resolver.problems;
  }
  for (const p of emptied.problems()) takeProblem(p);

  const configProblems = dedupeProblems(resolverProblems).map((p) => relativeProblem(p, io.cwd));
  summary.configErrors = configProblems.length;
  if (writer) {
    writer.end(configProblems, summary);
    output?.flush();
  } else {
    const report: LintReport = { files: kept, configProblems, summary };
    const color = format === 'stylish' ? await colourOutput(options.color, io.stdout as NodeJS.WriteStream) : false;
    io.stdout.write(lintFormatters[format](report, { color, quiet: options.quiet ?? false }));
  }
  // Config problems are also on stderr in machine formats, where a person may not read stdout.
  if (format !== 'stylish' && configProblems.length) {
    for (const p of configProblems) io.stderr.write(`${formatProblem(p)}\n`);
  }
  // The one failure no finding explains: say it (on stderr, so JSON on stdout stays pure).
  if (maxWarnings !== undefined && outcome.warnings > maxWarnings) {
    const n = outcome.warnings;
    io.stderr.write(`canvass: ${n} warning${n === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
  }
  return exitCode(outcome, configProblems, maxWarnings);
}

/** What the exit code depends on, gathered before --quiet hides warnings. */
interface Outcome {
  inputError: boolean;
  errorFinding: boolean;
  warnings: number;
}

function noteOutcome(outcome: Outcome, result: FileResult): void {
  if (result.problems.some((p) => p.severity === 'error')) outcome.inputError = true;
  for (const f of result.findings) {
    if (f.severity === 'error') outcome.errorFinding = true;
    else if (f.severity === 'warning') outcome.warnings++;
  }
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
  const n = wholeNumber(value);
  if (n === undefined || n < 1) throw new UsageError(`--jobs must be a whole number of 1 or more (got '${value}')`);
  return n;
}

function checkFormat(format: string): LintFormatName {
  // Own keys only: `in` would take 'constructor' or 'toString' for a format.
  if (Object.hasOwn(lintFormatters, format)) return format as LintFormatName;
  throw new UsageError(`unknown format '${format}'; choose one of: ${Object.keys(lintFormatters).join(', ')}`);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = wholeNumber(value);
  if (n === undefined) throw new UsageError(`--max-warnings must be a whole number of 0 or more (got '${value}')`);
  return n;
}

/** Digits only: Number() would also take '', ' ', '0x1', '1e0' and '1.0'. */
function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function errorsOnly(file: FileResult): FileResult {
  return { ...file, findings: file.findings.filter((f) => f.severity === 'error') };
}

function exitCode(outcome: Outcome, configProblems: readonly LocatedProblem[], maxWarnings: number | undefined): number {
  if (configProblems.length || outcome.inputError) return EXIT_USAGE;
  if (outcome.errorFinding) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && outcome.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

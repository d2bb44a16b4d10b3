// `canvass compare`: every document linted and extracted, side by side — as tables in the
// terminal, or exported (--out: CSV, JSON, Markdown, HTML, XLSX, SQLite; written atomically).

import { access, constants, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyseDocument, ComparisonBuilder, countingScanner, makeCounters, termsOf } from '../compare/compare.js';
import { contentChunks, exportFiles, EXPORTERS, formatFromPath, isExportFormat, type ExportFormat } from '../compare/exporters/index.js';
import { loadFrame, type Frame } from '../compare/frame.js';
import { tablesFor } from '../compare/tables.js';
import { comparisonToTerminal, formatComparisonProblem } from '../compare/terminal.js';
import { TABLE_NAMES, type Comparison, type TableName } from '../compare/types.js';
import { RuleSetResolver, type ResolvedRules, type ResolverOptions } from '../config/rule-sets.js';
import { ruleSetFingerprint } from '../lint/lint-ahead.js';
import { createDocument, withMarkdownParser } from '../document/document.js';
import { discoverInputs } from '../ingest/discover.js';
import { withReadAhead } from '../ingest/read-ahead.js';
import { readSource } from '../ingest/read.js';
import { describeFsError, type InputRef } from '../ingest/source.js';
import { LocatedError, type LocatedProblem } from '../yaml/located-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { colourOutput, terminalWidth } from './color.js';
import { displayPath } from './display-path.js';
import { EmptiedInputs } from './emptied-inputs.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { CommandIO } from './lint-command.js';

export interface CompareOptions {
  by?: string;
  themes?: string;
  out?: string;
  format?: string;
  table?: string;
  excel?: boolean;
  includePersonalData?: boolean;
  config?: string;
  pack?: string[];
  ignore?: string[];
  color?: boolean;
}

/** `--by` takes the words (question, respondent, term, theme) and the table names. */
const BY: Record<string, TableName> = {
  question: 'questions',
  questions: 'questions',
  respondent: 'recommendations',
  recommendation: 'recommendations',
  recommendations: 'recommendations',
  term: 'terms',
  terms: 'terms',
  theme: 'themes',
  themes: 'themes',
};

export async function runCompare(paths: string[], options: CompareOptions, io: CommandIO): Promise<number> {
  if (paths.length === 0) throw new UsageError('give files, directories or globs to compare');
  if (paths.includes('-')) throw new UsageError('compare reads files, not standard input');
  const by = options.by === undefined ? undefined : tableName(options.by, '--by');
  const table = options.table === undefined ? undefined : tableName(options.table, '--table');
  const discovery = await discoverInputs(paths, { cwd: io.cwd, ignore: options.ignore ?? [] });
  const problems: Comparison['problems'] = discovery.problems.map((p) => ({ path: p.input, line: 0, column: 0, message: p.message }));
  const files = discovery.files.filter((f): f is Extract<InputRef, { kind: 'file' }> => f.kind === 'file');
  // An output file that is one of the inputs would be destroyed: refuse before reading anything.
  if (options.out) {
    const out = resolve(io.cwd, options.out);
    const clash = files.find((f) => resolve(io.cwd, f.path) === out);
    if (clash) throw new UsageError(`--out ${options.out} is one of the inputs; write the comparison somewhere else`);
  }
  const format = exportFormat(options);
  // Every usage error before the analysis: a large corpus takes minutes.
  if ((options.table || options.excel) && !options.out && format !== 'csv') {
    throw new UsageError('--table and --excel choose what --out writes; give --out FILE as well');
  }
  if (options.out && format === 'text') throw new UsageError('--out writes csv, json, markdown, html, xlsx or sqlite; the text format is for the terminal');
  if (!options.out && (format === 'html' || format === 'xlsx' || format === 'sqlite')) throw new UsageError(`--format ${format} writes a file: give --out FILE`);
  if (!options.out && format === 'csv' && !(table ?? by)) {
    throw new UsageError('CSV on standard output holds one table: choose it with --by or --table (question, respondent, term, theme), or write a file per table with --out FILE.csv');
  }

  // Last of the usage errors, as it makes --out's folder: can the export be written at all?
  if (options.out) await checkWritableFolder(resolve(io.cwd, options.out), options.out);

  const resolverOptions: ResolverOptions = {
    cwd: io.cwd,
    ...(options.config ? { configPath: options.config } : {}),
    ...(options.pack?.length ? { packs: options.pack } : {}),
  };
  const resolver = new RuleSetResolver(resolverOptions);
  const explicit = new Set(paths.map((p) => resolve(io.cwd, p)));
  const rules: ResolvedRules[] = [];
  const kept: typeof files = [];
  // A folder or glob that a config's `ignore` leaves nothing of is an input error, as with lint.
  const emptied = new EmptiedInputs(discovery.walked, io.cwd);
  for (const [index, f] of discovery.files.entries()) {
    if (f.kind !== 'file') continue;
    const abs = resolve(io.cwd, f.path);
    const r = await resolver.forFile(abs);
    const ignoredBy = explicit.has(abs) ? undefined : r.ignoredBy(abs);
    if (ignoredBy) {
      emptied.ignored(index, ignoredBy);
      continue;
    }
    kept.push(f);
    rules.push(r);
  }
  for (const p of emptied.problems()) problems.push({ path: p.input, line: 0, column: 0, message: p.message });

  const frame = await chooseFrame(options, rules, io, problems);
  const counters = makeCounters(termsOf(rules.flatMap((r) => (r.ruleSet ? [r.ruleSet] : []))), frame);

  // Each document's analysis joins the comparison as it is made, in input order.
  // Input warnings (text read as Windows-1252) are shown, but are not problems: the file is compared.
  const warnings: Comparison['problems'] = [];
  const builder = new ComparisonBuilder(counters, problems, { withSources: format === 'html' });
  // A long list is read ahead on a worker thread, which also scans and lints each file with the
  // first rules that load (most runs have one config): the main thread extracts meanwhile, and
  // lints and scans only the files with other rules.
  const first = rules.findIndex((r) => r.ruleSet);
  const firstRuleSet = rules[first]?.ruleSet;
  const ahead = firstRuleSet
    ? {
        scanner: async () => countingScanner(counters, firstRuleSet).scanner,
        lint: { resolver: resolverOptions, path: resolve(io.cwd, kept[first]!.path), fingerprint: ruleSetFingerprint(firstRuleSet) },
      }
    : {};
  for await (const { index: i, input: f, preRead } of withReadAhead(kept, io.cwd, true, ahead)) {
    const read = await readSource(f, { cwd: io.cwd, ...(preRead ? { preRead } : {}) });
    if (!read.ok) {
      problems.push({ path: read.path, line: read.problem.line ?? 0, column: read.problem.column ?? 0, message: read.problem.message });
      continue;
    }
    const { path, text, format: docFormat } = read.source;
    for (const w of read.source.warnings) warnings.push({ path, line: w.line ?? 0, column: w.column ?? 0, message: `warning: ${w.message}` });
    const ruleSet = rules[i]!.ruleSet;
    builder.add(
      await withMarkdownParser(() =>
        analyseDocument(createDocument(path, text, docFormat), ruleSet, counters, {
          includePersonalData: options.includePersonalData ?? false,
          withSource: format === 'html',
          ...(preRead && 'findings' in preRead && preRead.hits && preRead.findings
            ? { linted: { hits: preRead.hits, findings: preRead.findings } }
            : {}),
        }),
      ),
    );
  }
  for (const p of resolver.problems) problems.push(comparisonProblem(p, io.cwd));

  const comparison = builder.comparison;

  if (format === 'text') {
    const width = terminalWidth(io.stdout as { columns?: number }, 100);
    const color = await colourOutput(options.color, io.stdout as NodeJS.WriteStream);
    io.stdout.write(comparisonToTerminal(comparison, { width, color, ...(by ? { by } : {}) }));
  } else if (options.out) {
    const tables = EXPORTERS[format].tabular ? tablesFor(comparison, table ?? by) : [];
    const files = await exportFiles(format, comparison, tables, resolve(io.cwd, options.out), {
      title: 'canvass compare',
      generatedBy: 'canvass 0.1.0',
      ...(options.excel ? { excel: true } : {}),
    });
    if (files.length === 0) io.stderr.write('canvass: nothing to write (no tables selected have any data)\n');
    for (const file of files) {
      try {
        await mkdir(dirname(file.path), { recursive: true });
        await writeFileAtomic(file.path, contentChunks(file.content));
      } catch (err) {
        throw new UsageError(`cannot write ${displayPath(io.cwd, file.path)}: ${describeFsError(err)}`);
      }
      io.stderr.write(`wrote ${displayPath(io.cwd, file.path)}\n`);
    }
  } else {
    // Standard output: JSON, Markdown, or CSV of one table. --by term and --by theme have a
    // companion table (findings; themes × questions) that only a file per table can hold.
    let tables = EXPORTERS[format].tabular ? tablesFor(comparison, table ?? by) : [];
    if (format === 'csv' && tables.length > 1) {
      io.stderr.write(`canvass: printing the ${tables[0]!.name} table; ${tables.slice(1).map((t) => t.name).join(', ')} too with --out FILE.csv\n`);
      tables = tables.slice(0, 1);
    }
    const outputs = await EXPORTERS[format].render(comparison, tables, options.excel ? { excel: true } : {});
    for (const o of outputs) for (const chunk of contentChunks(o.content)) io.stdout.write(chunk);
  }
  for (const p of [...warnings, ...problems]) io.stderr.write(`${formatComparisonProblem(p)}\n`);
  return problems.length ? EXIT_USAGE : EXIT_OK;
}

function tableName(value: string, flag: string): TableName {
  const name = BY[value];
  if (!name) throw new UsageError(`unknown table '${value}' for ${flag}; choose one of: question, respondent, term, theme (or ${TABLE_NAMES.join(', ')})`);
  return name;
}

/** The format: --format, else the --out file's extension, else the terminal text. */
function exportFormat(options: CompareOptions): ExportFormat | 'text' {
  if (options.format) {
    const f = options.format === 'md' ? 'markdown' : options.format;
    if (f === 'text' || isExportFormat(f)) return f;
    throw new UsageError(`unknown format '${options.format}'; choose one of: text, csv, json, markdown, html, xlsx, sqlite`);
  }
  if (!options.out) return 'text';
  const byExtension = formatFromPath(options.out);
  if (!byExtension) throw new UsageError(`cannot tell the format of '${options.out}' from its extension; use .csv, .json, .md, .html, .xlsx or .sqlite, or give --format`);
  return byExtension;
}

/** --themes, else the frame the first file's config names; none if neither. */
async function chooseFrame(
  options: CompareOptions,
  rules: readonly ResolvedRules[],
  io: CommandIO,
  problems: Comparison['problems'],
): Promise<Frame | undefined> {
  const configured = rules.find((r) => r.config?.frame)?.config;
  const ref = options.themes ?? configured?.frame;
  if (!ref) return undefined;
  const base = options.themes ? io.cwd : configured!.dir;
  try {
    return await loadFrame(ref, base);
  } catch (error) {
    if (error instanceof LocatedError) for (const p of error.problems) problems.push(comparisonProblem(p, io.cwd));
    else throw error;
    return undefined;
  }
}

/** A pack, config or frame problem as the comparison lists it, its file relative to cwd. */
function comparisonProblem(p: LocatedProblem, cwd: string): Comparison['problems'][number] {
  return { path: displayPath(cwd, p.file), line: p.line, column: p.column, message: p.message };
}

/** Before minutes of analysis: can --out's folder be made and written to? */
async function checkWritableFolder(out: string, given: string): Promise<void> {
  try {
    await mkdir(dirname(out), { recursive: true });
    await access(dirname(out), constants.W_OK);
  } catch (err) {
    // mkdir says EEXIST when a part of the path is a file: say which.
    const reason = (err as { code?: string }).code === 'EEXIST' ? `'${dirname(given)}' is a file, not a folder` : describeFsError(err);
    throw new UsageError(`cannot write --out ${given}: ${reason}; choose a folder you can write to`);
  }
}

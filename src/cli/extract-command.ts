// `canvass extract`: inputs -> files -> documents -> responses, questions and recommendations
// -> report -> text and an exit code. Inputs behave exactly as for `canvass lint`.

import { resolve } from 'node:path';
import { createDocument, withMarkdownParser } from '../document/document.js';
import { extractDocument } from '../extract/extract-document.js';
import type { Format } from '../document/model.js';
import type { ExtractedDocument } from '../extract/types.js';
import { discoverInputs } from '../ingest/discover.js';
import { withReadAhead, type PreRead } from '../ingest/read-ahead.js';
import { readSource, type SourceResult } from '../ingest/read.js';
import type { InputRef } from '../ingest/source.js';
import type { InputProblem } from '../lint/finding.js';
import {
  countDocument,
  countFailures,
  emptyExtractSummary,
  onlyQuestions,
  type InputFailure,
  type ReportedDocument,
} from '../report/extract-report.js';
import {
  extractFormatters,
  extractWriters,
  type ExtractFormatName,
  type ExtractFormatOptions,
} from '../report/formatters/extract/index.js';
import { ConfigIgnores } from '../config/config-ignores.js';
import { displayPath } from './display-path.js';
import { colourOutput, terminalWidth } from './color.js';
import { EmptiedInputs } from './emptied-inputs.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { CommandIO } from './lint-command.js';

export interface ExtractOptions {
  format: string;
  question?: string[];
  includePersonalData?: boolean;
  ignore?: string[];
  stdinFilename?: string;
  color?: boolean;
}

export async function runExtract(paths: string[], options: ExtractOptions, io: CommandIO): Promise<number> {
  const format = checkFormat(options.format);
  const questions = checkQuestions(options.question);
  if (paths.length === 0) throw new UsageError('give files, directories or globs to extract from (or - to read standard input)');
  const includePersonalData = options.includePersonalData ?? false;

  const discovery = await discoverInputs(paths, { cwd: io.cwd, ignore: options.ignore ?? [] });
  const failures: InputFailure[] = discovery.problems.map((p) => ({ path: p.input, severity: 'error', message: p.message }));

  // Files found by walking a folder honour their .canvass.yaml's `ignore`, as with lint, and a
  // folder or glob it leaves nothing of is an input error, as with lint.
  const ignores = new ConfigIgnores();
  const emptied = new EmptiedInputs(discovery.walked, io.cwd);
  const explicit = new Set(paths.map((p) => resolve(io.cwd, p)));
  const files: InputRef[] = [];
  for (const [index, ref] of discovery.files.entries()) {
    const abs = ref.kind === 'file' ? resolve(io.cwd, ref.path) : undefined;
    const ignoredBy = abs && !explicit.has(abs) ? await ignores.ignoredBy(abs) : undefined;
    if (ignoredBy) emptied.ignored(index, ignoredBy);
    else files.push(ref);
  }
  for (const p of emptied.problems()) failures.push({ path: p.input, severity: 'error', message: p.message });
  // A config that cannot be used is an error, as in lint and compare: its ignores were not applied.
  for (const p of ignores.problems) {
    failures.push({ path: displayPath(io.cwd, p.file), severity: 'error', message: p.message, ...(p.line > 0 ? { line: p.line, column: p.column } : {}) });
  }
  const color = format === 'text' ? await colourOutput(options.color, io.stdout as NodeJS.WriteStream) : false;
  const width = terminalWidth(io.stdout as { columns?: number });
  const formatOptions: ExtractFormatOptions = {
    color,
    ...(width ? { width } : {}),
    includePersonalData,
    ...(questions ? { questions } : {}),
  };
  // json, jsonl and csv are written a document at a time, and no document is kept; text and
  // markdown are formatted from the whole report at the end.
  const writerFactory = extractWriters[format];
  const writer = writerFactory?.((chunk) => io.stdout.write(chunk), formatOptions);
  const summary = emptyExtractSummary();
  const documents: ReportedDocument[] = [];
  const documentProblems: Array<{ path: string; problems: InputProblem[] }> = [];

  for await (const { input: ref, preRead } of withReadAhead(files, io.cwd)) {
    const result = await read(ref, options, io, preRead);
    if (!result.ok) {
      failures.push({ path: result.path, ...result.problem });
      continue;
    }
    const { path, text, format: docFormat, warnings } = result.source;
    let extracted = await extract(path, text, docFormat, includePersonalData);
    // The engine leaves personalData empty without the option; make sure nothing else slips through.
    if (!includePersonalData) extracted = withoutPersonalData(extracted);
    if (questions) extracted = onlyQuestions(extracted, questions);
    const empty = text.trim() === '' ? [{ severity: 'warning' as const, message: 'the file has no text: nothing to extract' }] : [];
    const doc: ReportedDocument = { ...extracted, problems: [...warnings, ...empty] };
    countDocument(summary, doc);
    if (doc.problems.length) documentProblems.push({ path, problems: doc.problems });
    if (writer) writer.document(doc);
    else documents.push(doc);
  }
  countFailures(summary, failures);

  if (writer) writer.end(failures, summary);
  else io.stdout.write(extractFormatters[format]({ documents, problems: failures, summary }, formatOptions));
  // The text output lists input problems itself; the other formats are often piped or saved,
  // so a person sees the problems on stderr (json also has them in the document).
  if (format !== 'text') {
    for (const doc of documentProblems) for (const p of doc.problems) io.stderr.write(problemLine(doc.path, p));
    for (const p of failures) io.stderr.write(problemLine(p.path, p));
  }
  return summary.inputErrors > 0 ? EXIT_USAGE : EXIT_OK;
}

function read(ref: InputRef, options: ExtractOptions, io: CommandIO, preRead: PreRead | undefined): Promise<SourceResult> {
  return readSource(ref, {
    cwd: io.cwd,
    ...(preRead ? { preRead } : {}),
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
    ...(ref.kind === 'stdin' && io.stdin ? { stdin: io.stdin } : {}),
  });
}

/** Extract one document; the Markdown parser is loaded only if it turns out to be needed. */
function extract(path: string, text: string, format: Format, includePersonalData: boolean): Promise<ExtractedDocument> {
  // Like lint-file.ts: the document is built inside the retried function, afresh on each attempt.
  return withMarkdownParser(() => extractDocument(createDocument(path, text, format), { includePersonalData }));
}

function withoutPersonalData(doc: ExtractedDocument): ExtractedDocument {
  return { ...doc, responses: doc.responses.map((r) => ({ ...r, personalData: [] })) };
}

function problemLine(path: string, p: { severity: string; message: string; line?: number; column?: number }): string {
  const where = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
  return `${path}${where}: ${p.severity}: ${p.message}\n`;
}

function checkFormat(format: string): ExtractFormatName {
  if (Object.hasOwn(extractFormatters, format)) return format as ExtractFormatName;
  throw new UsageError(`unknown format '${format}'; choose one of: ${Object.keys(extractFormatters).join(', ')}`);
}

function checkQuestions(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  const numbers = values.map((v) => v.trim());
  if (numbers.some((n) => n === '')) throw new UsageError('--question needs a question number, e.g. --question 3');
  return [...new Set(numbers)];
}

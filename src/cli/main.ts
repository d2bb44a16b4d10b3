// The command line: argv -> options -> a command. The only place that exits the process.

import { Command, CommanderError, Option } from 'commander';
// Each command's module is imported when that command runs: `lint` must not pay for loading
// what `compare` exports with (exceljs alone takes most of a second to load).
import type { CommandIO } from './lint-command.js';
import { EXIT_USAGE, UsageError } from './exit-codes.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(io: CommandIO, setExit: (code: number) => void): Command {
  const program = new Command('canvass')
    .description('Lint, extract and compare public consultation responses.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run canvass --help for usage)');

  program
    .command('lint')
    .description('Check documents against terminology rule packs (default pack: third-sector).')
    .argument('[paths...]', 'files, directories, globs, or - for standard input')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, compact, github').default('stylish'))
    .option('-c, --config <path>', 'use this config file instead of the nearest .canvass.yaml')
    .option('-p, --pack <name|path>', 'lint with this rule pack instead of the config\'s (repeatable)', collect)
    .option('--ignore <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('--stdin-filename <name>', 'name (and format) for text read from standard input')
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'apply fixes to the files (written atomically)')
    .option('-j, --jobs <n>', 'lint on n worker threads when there are 64 files or more (default: cores - 1, at most 8; 1 on machines with 2 cores or fewer)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => setExit(await (await import('./lint-command.js')).runLint(paths, options, io)));

  program
    .command('extract')
    .description('List each response\'s questions, stances and recommendations (default format: text).')
    .argument('[paths...]', 'files, directories, globs, or - for standard input')
    .addOption(new Option('-f, --format <name>', 'output format: text, json, jsonl, csv, markdown').default('text'))
    .option('-q, --question <number>', 'keep only this question and its recommendations, e.g. 3 or PC-1 (repeatable)', collect)
    .option('--include-personal-data', 'keep contact names, emails and phone numbers in the output (removed by default)')
    .option('--ignore <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('--stdin-filename <name>', 'name (and format) for text read from standard input')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => setExit(await (await import('./extract-command.js')).runExtract(paths, options, io)));

  program
    .command('compare')
    .description('Put respondents side by side: questions, recommendations, terminology and themes, as tables or exports.')
    .argument('[paths...]', 'files, directories or globs')
    .option('-b, --by <table>', 'one table only: question, respondent (recommendations), term, theme')
    .option('-t, --themes <frame>', 'code themes with this coding frame (bundled name or YAML path; default: the config\'s frame)')
    .option('-o, --out <file>', 'export to a file; the format comes from its extension (.csv .json .md .html .xlsx .sqlite)')
    .option('-f, --format <name>', 'text (default), csv, json, markdown, html, xlsx, sqlite')
    .option('--table <name>', 'CSV: the one table to write (question, respondent, term, theme); without it, one file per table')
    .option('--excel', 'CSV: add a UTF-8 byte order mark so Excel reads accents correctly')
    .option('--include-personal-data', 'keep contact names, emails and phone numbers in the output')
    .option('-c, --config <path>', 'use this config file instead of the nearest .canvass.yaml')
    .option('-p, --pack <name|path>', "use this rule pack instead of the config's (repeatable)", collect)
    .option('--ignore <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => setExit(await (await import('./compare-command.js')).runCompare(paths, options, io)));

  const rules = program.command('rules').description('List or test rule packs.');
  rules
    .command('list')
    .description('Print the rules of a pack (default: every bundled pack) as a table.')
    .argument('[pack]', 'bundled pack name or path to a pack file')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (pack: string | undefined, options) => setExit(await (await import('./rules-command.js')).runRulesList(pack, options, io)));
  rules
    .command('test')
    .description("Run every rule's examples; fails with a diff on any mismatch.")
    .argument('[pack]', 'bundled pack name or path to a pack file (default: every bundled pack)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (pack: string | undefined, options) => setExit(await (await import('./rules-command.js')).runRulesTest(pack, options, io)));

  return program;
}

/** Run the CLI and resolve to the exit code (tests call this; bin/canvass.js exits with it). */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; parse errors have already been printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`canvass: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

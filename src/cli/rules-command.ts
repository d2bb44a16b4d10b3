// `canvass rules list [pack]` and `canvass rules test [pack|path]`.

import { paint } from '../report/paint.js';
import { listBundledPacks, resolvePack } from '../packs/load.js';
import type { Pack } from '../packs/types.js';
import { testPackExamples } from '../lint/rule-tester.js';
import { formatProblem, LocatedError } from '../yaml/located-error.js';
import { colourOutput, terminalWidth } from './color.js';
import { displayPath } from './display-path.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { CommandIO } from './lint-command.js';

async function loadPacks(ref: string | undefined, io: CommandIO): Promise<Pack[] | number> {
  const refs = ref ? [ref] : listBundledPacks();
  const packs: Pack[] = [];
  let failed = false;
  for (const r of refs) {
    try {
      packs.push(await resolvePack(r, io.cwd));
    } catch (error) {
      failed = true;
      if (error instanceof LocatedError) {
        for (const p of error.problems) io.stderr.write(`${formatProblem({ ...p, file: displayPath(io.cwd, p.file) })}\n`);
      } else {
        io.stderr.write(`canvass: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }
  return failed ? EXIT_USAGE : packs;
}

export async function runRulesList(ref: string | undefined, options: { color?: boolean }, io: CommandIO): Promise<number> {
  const packs = await loadPacks(ref, io);
  if (typeof packs === 'number') return packs;
  const c = paint(await colourOutput(options.color, io.stdout as NodeJS.WriteStream));
  const width = terminalWidth(io.stdout as NodeJS.WriteStream, 120);
  const { default: Table } = await import('cli-table3'); // only this command draws tables
  for (const pack of packs) {
    io.stdout.write(`${c.bold(pack.name)}${pack.description ? ` — ${pack.description}` : ''}\n`);
    const describeWidth = Math.max(30, width - 62);
    const table = new Table({
      head: ['Rule', 'Kind', 'Severity', 'What it checks'],
      colWidths: [34, 14, 12, describeWidth],
      wordWrap: true,
      style: { head: c.level ? ['cyan'] : [], border: c.level ? ['grey'] : [] },
    });
    for (const rule of pack.rules) {
      const what = [rule.description ?? rule.message, rule.source ? `Source: ${rule.source}` : ''].filter(Boolean).join('\n');
      table.push([`${pack.name}/${rule.id}`, rule.kind, rule.severity, what]);
    }
    io.stdout.write(table.toString() + '\n\n');
  }
  return EXIT_OK;
}

export async function runRulesTest(ref: string | undefined, options: { color?: boolean }, io: CommandIO): Promise<number> {
  const packs = await loadPacks(ref, io);
  if (typeof packs === 'number') return packs;
  const c = paint(await colourOutput(options.color, io.stdout as NodeJS.WriteStream));
  let failures = 0;
  let total = 0;
  for (const pack of packs) {
    const results = await testPackExamples(pack);
    io.stdout.write(`${c.bold(pack.name)} (${pack.origin.startsWith('bundled:') ? pack.origin : displayPath(io.cwd, pack.origin)})\n`);
    for (const rule of pack.rules) {
      const id = `${pack.name}/${rule.id}`;
      const mine = results.filter((r) => r.ruleId === id);
      const bad = mine.filter((r) => !r.ok);
      total += mine.length;
      failures += bad.length;
      const mark = bad.length ? c.red('✖') : mine.length ? c.green('✔') : c.yellow('–');
      const counts = mine.length ? `${mine.length - bad.length}/${mine.length} examples` : 'no examples';
      io.stdout.write(`  ${mark} ${id}  ${c.dim(counts)}\n`);
      for (const r of bad) {
        io.stdout.write(`      ${r.kind} example ${r.index}: ${JSON.stringify(r.text)}\n`);
        io.stdout.write(r.failure!.split('\n').map((l) => `        ${l}`).join('\n') + '\n');
      }
    }
  }
  const summary = `${total - failures}/${total} examples pass`;
  io.stdout.write(failures ? c.red(`\n✖ ${summary}, ${failures} fail\n`) : c.green(`\n✔ ${summary}\n`));
  return failures ? EXIT_FINDINGS : EXIT_OK;
}

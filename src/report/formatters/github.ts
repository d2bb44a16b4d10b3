// GitHub Actions workflow commands, which the runner turns into annotations on the diff:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions

import type { Severity } from '../../packs/types.js';
import { formatProblem, PACK_OPTION } from '../../yaml/located-error.js';
import type { LintReport } from '../lint-report.js';
import type { FormatOptions } from './index.js';

// GitHub has no "suggestion" level; notice is the quietest annotation.
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', suggestion: 'notice' };

export function github(report: LintReport, _options: FormatOptions): string {
  let out = '';
  for (const p of report.configProblems) {
    // No file= for --pack and no line= for a problem with no position (line 0): GitHub would
    // look for a file named '--pack', or point at a line 0 that does not exist.
    const props: [string, string | number][] = [];
    if (p.file !== PACK_OPTION) props.push(['file', p.file]);
    if (p.line > 0) props.push(['line', p.line], ['col', p.column]);
    props.push(['title', 'canvass/config']);
    out += command('error', props, p.file === PACK_OPTION ? formatProblem(p) : p.message);
  }
  for (const file of report.files) {
    for (const p of file.problems) {
      const props: [string, string | number][] = [['file', file.path]];
      if (p.line !== undefined) props.push(['line', p.line]);
      if (p.column !== undefined) props.push(['col', p.column]);
      out += command(p.severity, props, p.message);
    }
    for (const f of file.findings) {
      out += command(
        COMMAND[f.severity],
        [
          ['file', file.path],
          ['line', f.line],
          ['col', f.column],
          ['endLine', f.endLine],
          ['endColumn', f.endColumn],
          ['title', f.ruleId],
        ],
        f.message,
      );
    }
  }
  return out;
}

function command(name: string, props: [string, string | number][], message: string): string {
  const list = props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}\n`;
}

// Same escaping as @actions/core: '%' first so the escapes themselves are not re-escaped.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// Property values additionally cannot contain the ':' and ',' that delimit the command.
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

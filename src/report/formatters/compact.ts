// One line per finding, `path:line:col severity ruleId message`: stable for golden tests and grep.
// A problem with no position (a missing file, a --pack) has no `:line:col`, rather than a 1:1
// that a tool would take for the first character of the file.

import type { LintReport } from '../lint-report.js';
import type { FormatOptions } from './index.js';

/** Rule id used for problems with the input itself (unreadable, binary, bad encoding). */
export const INPUT_RULE_ID = 'canvass/input';
/** Rule id used for problems in configuration files and rule packs. */
export const CONFIG_RULE_ID = 'canvass/config';

export function compact(report: LintReport, _options: FormatOptions): string {
  let out = '';
  for (const p of report.configProblems) {
    out += `${p.file}${position(p.line || undefined, p.column)} error ${CONFIG_RULE_ID} ${oneLine(p.message)}\n`;
  }
  for (const file of report.files) {
    for (const p of file.problems) {
      out += `${file.path}${position(p.line, p.column)} ${p.severity} ${INPUT_RULE_ID} ${oneLine(p.message)}\n`;
    }
    for (const f of file.findings) {
      out += `${file.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(f.message)}\n`;
    }
  }
  return out;
}

function position(line: number | undefined, column: number | undefined): string {
  return line === undefined ? '' : `:${line}:${column || 1}`;
}

// A message with a line break would split one finding over two lines and break line-based tools.
function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, ' ');
}

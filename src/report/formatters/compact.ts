// One line per finding, `path:line:col severity ruleId message`: stable for golden tests and grep.

import type { LintReport } from '../lint-report.js';
import type { FormatOptions } from './index.js';

/** Rule id used for problems with the input itself (unreadable, binary, bad encoding). */
export const INPUT_RULE_ID = 'canvass/input';
/** Rule id used for problems in configuration files and rule packs. */
export const CONFIG_RULE_ID = 'canvass/config';

export function compact(report: LintReport, _options: FormatOptions): string {
  let out = '';
  for (const p of report.configProblems) {
    out += `${p.file}:${p.line || 1}:${p.column || 1} error ${CONFIG_RULE_ID} ${oneLine(p.message)}\n`;
  }
  for (const file of report.files) {
    for (const p of file.problems) {
      out += `${file.path}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${INPUT_RULE_ID} ${oneLine(p.message)}\n`;
    }
    for (const f of file.findings) {
      out += `${file.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(f.message)}\n`;
    }
  }
  return out;
}

// A message with a line break would split one finding over two lines and break line-based tools.
function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, ' ');
}

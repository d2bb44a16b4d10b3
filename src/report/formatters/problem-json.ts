// An input problem (binary file, Windows-1252 fallback) as the JSON outputs of lint and extract
// write it. Optional keys are added only when present: absent, never null.

import type { InputProblem } from '../../lint/finding.js';

export function problemJson(p: InputProblem) {
  return {
    severity: p.severity,
    message: p.message,
    ...(p.line !== undefined && { line: p.line }),
    ...(p.column !== undefined && { column: p.column }),
  };
}

// Lint one document: scan once, run every compiled rule, then the post-processing chain
// (inline directives -> dedupe -> sort) and positions. A pure function of its inputs.

import type { Document } from '../document/model.js';
import { detached } from '../document/detached.js';
import type { Finding } from './finding.js';
import type { RawFinding } from './compiled-rule.js';
import type { RuleSet } from './compile.js';
import { DocumentContext } from './context.js';
import { findDirectives, hitsOutsideDirectives, isSuppressed, type Directive } from './directives.js';
import type { Hit } from './scanner.js';

/**
 * `hits`: the scan of `doc.text` by ruleSet.scanner, or by a scanner extended from it (which
 * numbers the rules' owners alike), when the caller scans for patterns of its own in the same pass.
 * `directives`: the document's, when the caller has found them already (compare counts outside them).
 */
export function lintDocument(
  doc: Document,
  ruleSet: RuleSet,
  hits: readonly Hit[][] = ruleSet.scanner.scan(doc.text),
  directives: readonly Directive[] = findDirectives(doc),
): Finding[] {
  const suppressed = (offset: number, ruleId: string) => isSuppressed(doc.text, directives, offset, ruleId, doc.format);
  const ctx = directives.length ? new DocumentContext(doc, hitsOutsideDirectives(hits, directives), suppressed) : new DocumentContext(doc, hits);
  const findings: Finding[] = [];
  for (const rule of ruleSet.rules) {
    for (const raw of rule.run(ctx)) {
      if (directives.length && suppressed(raw.start, rule.id)) continue;
      findings.push(toFinding(doc, rule.id, rule.severity, rule.link, raw));
    }
  }
  for (const d of directives) {
    if (d.kind === 'unknown') {
      const message = `unknown directive 'canvass-${d.name}'; it does nothing (the directives are canvass-disable, canvass-enable and canvass-disable-next-line)`;
      findings.push(directiveWarning(doc, d, message));
      continue;
    }
    for (const id of d.rules) {
      if (ruleSet.knownIds.has(id) || ruleSet.packNames.has(id)) continue;
      findings.push(directiveWarning(doc, d, unknownRuleMessage(id, d.kind, ruleSet)));
    }
  }
  return dedupeAndSort(findings);
}

/**
 * Why a directive's rule name disables nothing. The example is a rule this file is linted with,
 * and a rule of a pack the file's config does not use says so: under a config with other packs,
 * 'third-sector/non-profit' is a real rule id that still switches nothing off here.
 */
function unknownRuleMessage(id: string, kind: Directive['kind'], ruleSet: RuleSet): string {
  const example = ruleSet.knownIds.values().next().value;
  const pack = id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined;
  const hint =
    example === undefined
      ? 'no rule pack is loaded for this file'
      : pack !== undefined && !ruleSet.packNames.has(pack)
        ? `the pack '${pack}' is not loaded for this file; loaded packs: ${[...ruleSet.packNames].join(', ')}`
        : `use a rule id like '${example}' or a pack name`;
  return `unknown rule '${id}' in canvass-${kind}; it disables nothing (${hint})`;
}

/** A problem with a directive itself, reported where it is written. */
function directiveWarning(doc: Document, d: Directive, message: string): Finding {
  return toFinding(doc, 'canvass/directive', 'warning', undefined, { start: d.start, end: d.end, message });
}

function toFinding(
  doc: Document,
  ruleId: string,
  severity: Finding['severity'],
  link: string | undefined,
  raw: RawFinding,
): Finding {
  const start = doc.lines.position(raw.start);
  const end = doc.lines.position(raw.end);
  const finding: Finding = {
    ruleId,
    severity,
    message: detached(raw.message),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: raw.start,
    length: raw.end - raw.start,
    match: detached(doc.text.slice(raw.start, raw.end)),
  };
  if (raw.expected !== undefined) finding.expected = detached(raw.expected);
  if (raw.fix) finding.fix = { offset: raw.fix.start, length: raw.fix.end - raw.fix.start, text: detached(raw.fix.text) };
  if (link) finding.link = link;
  return finding;
}

function dedupeAndSort(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || b.length - a.length);
  const out: Finding[] = [];
  // Where each rule's last kept finding ends: other rules' findings may lie between two of its own.
  const endOf = new Map<string, number>();
  for (const f of findings) {
    // The same rule twice over overlapping text (two swap keys, say) is one finding: keep the first, longest.
    if (f.ruleId !== 'canvass/directive' && f.offset < (endOf.get(f.ruleId) ?? -1)) continue;
    endOf.set(f.ruleId, f.offset + f.length);
    out.push(f);
  }
  return out;
}

// Colour for terminal output. chalk is loaded only when colour is on: piped output, CI logs and
// `--format json` (most lint runs) never load it (~10 ms of a one-file lint's start-up).

/** A style: text in, text with ANSI codes (or as it was, without colour) out. */
export type Style = (text: string) => string;

/** The styles canvass prints with; a chalk instance is one. */
export interface Paint {
  readonly bold: Style;
  readonly dim: Style;
  readonly italic: Style;
  readonly underline: Style;
  readonly red: Style;
  readonly green: Style;
  readonly yellow: Style;
  readonly cyan: Style;
  /** 0 without colour. */
  readonly level: number;
}

const same: Style = (text) => text;
const PLAIN: Paint = { bold: same, dim: same, italic: same, underline: same, red: same, green: same, yellow: same, cyan: same, level: 0 };

let chalk: typeof import('chalk') | undefined;

/** Load chalk; the commands call it before printing in colour. */
export async function loadColour(): Promise<void> {
  chalk ??= await import('chalk');
}

/** The paint for output with or without colour (with: after loadColour()). */
export function paint(color: boolean): Paint {
  if (!color) return PLAIN;
  if (!chalk) throw new Error('internal error: colour output before loadColour()');
  // Our own instance, so the CLI's colour decision is the only one that counts.
  return new chalk.Chalk({ level: 1 });
}

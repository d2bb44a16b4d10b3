import { loadColour } from '../report/paint.js';

// How to print for this terminal: colour or not (--color/--no-color win, then NO_COLOR / FORCE_COLOR,
// then whether stdout is a TTY), and how wide.
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

/** useColor, with chalk loaded when the answer is yes: what a command calls before printing. */
export async function colourOutput(flag: boolean | undefined, stream: NodeJS.WriteStream): Promise<boolean> {
  const color = useColor(flag, stream);
  if (color) await loadColour();
  return color;
}

/**
 * The width to fit output to: the terminal's, else $COLUMNS (so `COLUMNS=160 canvass … | less`
 * works), else `fallback` (undefined: do not wrap).
 */
export function terminalWidth(stream: { columns?: number }, fallback: number): number;
export function terminalWidth(stream: { columns?: number }, fallback?: number): number | undefined;
export function terminalWidth(stream: { columns?: number }, fallback?: number): number | undefined {
  if (stream.columns) return stream.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : fallback;
}

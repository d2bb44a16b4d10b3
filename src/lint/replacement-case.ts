// The case a replacement is written in where it goes into the text: the case of what was written
// (matchCase), except where the document says otherwise. Capitals on every word in running text
// ("the Voluntary Sector") are a habit that sector names should not have (the third-sector pack's
// sector-lower-case rule flags it), so the replacement is written as the pack writes it; and a
// sentence starts with a capital whatever the written word was ("BAME groups replied." ->
// "Ethnic minority groups replied."). A heading keeps its capitals.

import { isSentenceStart, type DocumentContext } from './context.js';
import { capitalise, isTitleCase, matchCase, type TermPattern } from './terms.js';

export function replacementInContext(ctx: DocumentContext, start: number, written: string, replacement: string, pattern: TermPattern): string {
  if (isTitleCase(written) && ctx.doc.blockAt(start)?.type !== 'heading') {
    return isSentenceStart(ctx, start) ? capitalise(replacement) : replacement;
  }
  const cased = matchCase(written, replacement, pattern);
  // matchCase leaves an acronym's replacement as the pack writes it: only a sentence's start may
  // still need a capital (asked only then: the test reads the text before the match).
  return cased !== capitalise(cased) && /^[A-Z]/.test(written) && isSentenceStart(ctx, start) ? capitalise(cased) : cased;
}

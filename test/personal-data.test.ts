// redact() replaces the personal data that falls in a piece of a document, given where the piece
// starts; it searches the document's spans instead of walking them all for every piece.
import { describe, expect, it } from 'vitest';
import { redact, type PersonalSpan } from '../src/structure/personal-data.js';

//            0         1         2         3         4         5
//            0123456789012345678901234567890123456789012345678901234
const text = 'From Ann Lee. Mail ann@lee.org or 0123 456789 or write.';
const spans: PersonalSpan[] = [
  { kind: 'name', start: 5, end: 12 },
  { kind: 'email', start: 19, end: 30 },
  { kind: 'phone', start: 34, end: 45 },
];

describe('redact', () => {
  it('replaces every span in the whole text', () => {
    expect(redact(text, 0, spans)).toBe('From [name removed]. Mail [email removed] or [phone removed] or write.');
  });

  it('replaces a span that runs into the piece from before it, and one that runs out of it', () => {
    // The piece "Lee. Mail ann@lee.org or 0123": the name starts before it, the phone ends after it.
    expect(redact(text.slice(9, 39), 9, spans)).toBe('[name removed]. Mail [email removed] or [phone removed]');
  });

  it('leaves a piece between spans as it is, and one after the last span', () => {
    expect(redact(text.slice(12, 19), 12, spans)).toBe('. Mail ');
    expect(redact(text.slice(45), 45, spans)).toBe(' or write.');
    expect(redact(text.slice(0, 5), 0, spans)).toBe('From ');
  });

  it('replaces a span that covers the whole piece', () => {
    expect(redact(text.slice(21, 25), 21, spans)).toBe('[email removed]');
  });
});

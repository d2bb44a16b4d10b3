// The bundled corpus's documents, read once per test file: tests that check a mechanism against
// the code it replaced run both over every real document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');

/** Every .txt document in corpus/, by file name, in name order. */
export function corpusDocuments(): Array<{ name: string; text: string }> {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}

// Runs in a child process: extraction over every file of the bench corpus (read, decode, build
// the document, extract), on one thread. Prints seconds, recommendations found and peak memory.

import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../src/ingest/read.js';
import { createDocument, withMarkdownParser } from '../src/document/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { corpusFiles } from './corpus.js';

const [dir] = process.argv.slice(2);
const files = corpusFiles(dir!);
const started = performance.now();
let recommendations = 0;
for (const file of files) {
  const decoded = decodeBytes(await readFile(file), file);
  if (!decoded.ok) continue;
  const result = await withMarkdownParser(() => extractDocument(createDocument(file, decoded.text)));
  for (const r of result.responses) recommendations += r.recommendations.length;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, recommendations, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');

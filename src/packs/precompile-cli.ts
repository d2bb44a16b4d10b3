// `npm run build` runs this after tsc: bundled packs -> dist/packs/*.json (see precompiled.ts).
import { bundledPacksDir } from './load.js';
import { precompileBundledPacks } from './precompiled.js';
import { LocatedError } from '../yaml/located-error.js';

try {
  const written = await precompileBundledPacks(bundledPacksDir());
  process.stdout.write(`precompiled ${written.length} bundled rule packs\n`);
} catch (error) {
  process.stderr.write((error instanceof LocatedError ? error.message : String(error)) + '\n');
  process.exitCode = 1;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CompoundLexicon } from '@cqs/shared';

let loaded: CompoundLexicon | undefined;

/**
 * The Viet74K word list of `@vntk/dictionary` (MIT, © vntk; 73,901 entries, about 1 MB), read
 * from the package's data file — not through its entry point, which also parses an 11 MB
 * definitions file. Loaded once per process (about 0.2 s), then shared by the catalogue index and
 * the assistant.
 */
export function vietnameseLexicon(): CompoundLexicon {
  if (!loaded) {
    const file = createRequire(import.meta.url).resolve('@vntk/dictionary/data/Viet74K.txt');
    loaded = CompoundLexicon.fromWords(readFileSync(file, 'utf8').split('\n'));
  }
  return loaded;
}

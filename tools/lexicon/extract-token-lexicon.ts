// Writes src/engine/quality/token-lexicon.json: the facts of wink-eng-lite-web-model's lexicon that
// the engine's tokeniser (src/engine/quality/tokenise.ts) needs to read text as wink reads it. For
// every lexeme whose reading a bare letter rule would not give (one token, its lower case, a word):
// contractions with their expansions ("can't" -> "can" "not"), British spellings wink maps to
// American ones ("apologise" -> "apologize"), and every lexeme holding a character other than a
// letter (emoticons, abbreviations with full stops, hyphenated words wink keeps whole, ordinals, "'s").
// Each is read through wink alone and kept as its token normals and types. Run after upgrading wink:
//   npx tsx tools/lexicon/extract-token-lexicon.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);
const readModel = require('wink-eng-lite-web-model/dist/read-core-model.js') as () => {
  features: { lexeme: { list: string[] } };
};
const nlp = winkNLP(model, []);
const its = nlp.its;

const PLAIN = /^[A-Za-z]+$/;
const lexemes = readModel().features.lexeme.list.filter(
  // The model's placeholder for unknown words and entries with a space are never a piece of text.
  (lexeme) => lexeme !== '' && !lexeme.includes(' ') && !lexeme.includes('^%$'),
);
const lexicon: Record<string, [string[], string[]]> = {};
const plainOnes: string[] = [];
for (const lexeme of lexemes) {
  const tokens = nlp.readDoc(lexeme).tokens();
  const normals = tokens.out(its.normal);
  const types = tokens.out(its.type);
  const plain =
    PLAIN.test(lexeme) && normals.length === 1 && normals[0] === lexeme.toLowerCase() && types[0] === 'word';
  if (!plain) lexicon[lexeme] = [normals, types];
  else if (lexeme !== lexeme.toLowerCase()) plainOnes.push(lexeme);
}
// An unknown capitalised word takes the normal of its lower case ("Harbour" -> "harbor"), but a
// capitalised lexeme keeps its own ("Yeah" stays "yeah" though "yeah" reads "yes"): those are kept.
for (const lexeme of plainOnes)
  if (lexicon[lexeme.toLowerCase()] !== undefined) lexicon[lexeme] = [[lexeme.toLowerCase()], ['word']];
const target = new URL('../../src/engine/quality/token-lexicon.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(lexicon)}\n`);
console.log(`${Object.keys(lexicon).length} lexemes written to ${target.pathname}`);

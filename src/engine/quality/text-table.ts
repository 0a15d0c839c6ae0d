// A table of values by text that is looked up by a stretch of a longer text, so a piece of a message
// can be found without cutting it out as a string of its own: the caller works out the stretch's
// hash as it scans the characters anyway (hashText, or hashStep a character at a time), and only a
// slot whose key has that hash and length is compared character by character. Cutting the piece
// out and looking it up in a Map would cost a new string, V8 hashing it, and the Map's probe.
// Open addressing over a fixed number of slots; the caller keeps it below `capacity` entries.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// FNV-1a over UTF-16 code units.
export const HASH_START = FNV_OFFSET;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
export const hashText = (text: string): number => {
  let hash = HASH_START;
  for (let i = 0; i < text.length; i += 1) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
};

export type TextTable<T> = {
  readonly capacity: number;
  size: () => number;
  // The value kept for text.slice(start, end), whose hash is given.
  get: (text: string, start: number, end: number, hash: number) => T | undefined;
  // Keeps a value for a non-empty key not in the table yet.
  set: (key: string, hash: number, value: T) => void;
  clear: () => void;
};

const sameText = (key: string, text: string, start: number): boolean => {
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
};

// `capacity` entries at most, in twice as many slots rounded up to a power of two, so probes stay short.
export const createTextTable = <T>(capacity: number): TextTable<T> => {
  let slots = 1;
  while (slots < capacity * 2) slots *= 2;
  const mask = slots - 1;
  const hashes = new Int32Array(slots);
  // '' marks an empty slot: keys are never empty.
  const keys: string[] = new Array<string>(slots).fill('');
  const values: (T | undefined)[] = new Array<T | undefined>(slots).fill(undefined);
  let size = 0;
  return {
    capacity,
    size: () => size,
    get: (text, start, end, hash) => {
      const length = end - start;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const key = keys[slot]!;
        if (key.length === 0) return undefined;
        if (hashes[slot] === hash && key.length === length && sameText(key, text, start)) return values[slot];
      }
    },
    set: (key, hash, value) => {
      if (size >= capacity) throw new Error('text table full');
      let slot = hash & mask;
      while (keys[slot]!.length !== 0) slot = (slot + 1) & mask;
      keys[slot] = key;
      hashes[slot] = hash;
      values[slot] = value;
      size += 1;
    },
    clear: () => {
      keys.fill('');
      values.fill(undefined);
      size = 0;
    },
  };
};

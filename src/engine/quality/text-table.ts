// A table of values by text that is looked up by a stretch of a longer text, so a piece of a message
// can be found without cutting it out as a string of its own: the caller works out the stretch's
// hash as it scans the characters anyway (hashText, or hashStep a character at a time), copying
// their codes into a typed array, and only a slot whose key has that hash and length is compared
// code by code. Cutting the piece out and looking it up in a Map would cost a new string, V8
// hashing it, and the Map's probe.
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
  // The value kept for the text whose first `length` character codes are in `codes`, and whose hash
  // is given. The caller copies the characters there as it scans them: comparing typed arrays is
  // several times cheaper than comparing strings by charCodeAt, which V8 dispatches on the string's
  // representation at every call.
  get: (codes: Uint16Array, length: number, hash: number) => T | undefined;
  // Keeps a value for a non-empty key not in the table yet.
  set: (key: string, hash: number, value: T) => void;
  clear: () => void;
};

// `capacity` entries at most, in twice as many slots rounded up to a power of two, so probes stay
// short. Each key's characters are kept end to end in one array of codes, grown as keys arrive.
export const createTextTable = <T>(capacity: number): TextTable<T> => {
  let slots = 1;
  while (slots < capacity * 2) slots *= 2;
  const mask = slots - 1;
  const hashes = new Int32Array(slots);
  // 0 marks an empty slot: keys are never empty.
  const lengths = new Int32Array(slots);
  const offsets = new Int32Array(slots);
  const values: (T | undefined)[] = new Array<T | undefined>(slots).fill(undefined);
  let chars = new Uint16Array(1024);
  let used = 0;
  let size = 0;
  const sameCodes = (codes: Uint16Array, length: number, offset: number): boolean => {
    for (let i = 0; i < length; i += 1) if (codes[i] !== chars[offset + i]) return false;
    return true;
  };
  return {
    capacity,
    size: () => size,
    get: (codes, length, hash) => {
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const keyLength = lengths[slot]!;
        if (keyLength === 0) return undefined;
        if (hashes[slot] === hash && keyLength === length && sameCodes(codes, length, offsets[slot]!))
          return values[slot];
      }
    },
    set: (key, hash, value) => {
      if (size >= capacity) throw new Error('text table full');
      if (used + key.length > chars.length) {
        const grown = new Uint16Array(Math.max(chars.length * 2, used + key.length));
        grown.set(chars.subarray(0, used));
        chars = grown;
      }
      let slot = hash & mask;
      while (lengths[slot] !== 0) slot = (slot + 1) & mask;
      for (let i = 0; i < key.length; i += 1) chars[used + i] = key.charCodeAt(i);
      lengths[slot] = key.length;
      offsets[slot] = used;
      hashes[slot] = hash;
      values[slot] = value;
      used += key.length;
      size += 1;
    },
    clear: () => {
      lengths.fill(0);
      values.fill(undefined);
      used = 0;
      size = 0;
    },
  };
};

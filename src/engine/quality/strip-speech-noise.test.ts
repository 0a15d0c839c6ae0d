import { describe, expect, it } from 'vitest';
import { stripSpeechNoise } from './strip-speech-noise.js';

describe('stripSpeechNoise', () => {
  it('removes noise and unclear-speech markers', () => {
    expect(stripSpeechNoise('[noise] okay <unk> your balance is [cough] ten dollars')).toBe(
      'okay your balance is ten dollars',
    );
  });
  it('leaves a segment that was only noise empty', () => {
    expect(stripSpeechNoise('[noise] [noise] [laughter]')).toBe('');
  });
  it('removes hesitation fillers in their usual spellings', () => {
    expect(stripSpeechNoise('um i need uh my uhm balance umm please, hmm')).toBe('i need my balance please,');
  });
  it('removes a word cut off mid-way', () => {
    expect(stripSpeechNoise('i wou~ i need to check my balance')).toBe('i need to check my balance');
  });
  it('keeps words that only look like fillers and answers such as mhm', () => {
    const text = 'mhm the umbrella is under the hummus, uh-oh, ermine and ahmed';
    expect(stripSpeechNoise(text)).toBe('mhm the umbrella is under the hummus, uh-oh, ermine and ahmed');
  });
  it('leaves ordinary written text untouched', () => {
    const text = 'Hi, I was charged twice. Can you help?';
    expect(stripSpeechNoise(text)).toBe(text);
  });
  it('changes only texts the full noise patterns find something in', () => {
    // The test it skips the rest on, as a regular expression: [ < ~, or a filler as a whole word.
    const noisy = /[[<~]|(?<![\w'-])(?:u+[hm]+|e+r+m+|h+m+|a+h+m+)(?![\w'-])/i;
    const parts = [
      'um',
      'UHM',
      'hmm',
      'erm',
      'ahm',
      'uh',
      'hum',
      'me',
      "'",
      '-',
      '_',
      '1',
      ' ',
      ',',
      'a',
      'h',
      'x',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      const length = 1 + (next() % 6);
      for (let k = 0; k < length; k += 1) text += parts[next() % parts.length];
      if (!noisy.test(text)) expect(stripSpeechNoise(text)).toBe(text);
      else if (/(?<![\w'-])(?:u+[hm]+|e+r+m+|h+m+|a+h+m+)(?![\w'-])/i.test(text))
        expect(stripSpeechNoise(text)).not.toBe(text);
    }
  });
});

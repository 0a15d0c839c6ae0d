import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rule.js';

describe('the password rule', () => {
  it.each([
    'aaaaaaaaaaaa',
    '!!!!!!!!!!!!',
    'abababababab',
    'abcabcabcabc',
    '1234567890',
    '0987654321',
    'abcdefghijkl',
    'password123',
    'Password2024!',
    'P@ssw0rd1234',
    'qwertyuiop',
    'Summer2024!!',
    '$unshine12345',
    'iloveyou1234',
    'letmein!2345',
    'earshot12345',
    'monkeymonkey',
    'pass word 12345',
  ])('refuses %s', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it.each([
    ['jane.doe@acme.test', 'jane.doe@acme.test'],
    ['jane.doe@acme.test', 'JANE.DOE@ACME.TEST'],
    ['jane.doe@acme.test', 'jane.doe2024!'],
    ['jane.doe@acme.test', 'Jane Doe 12345'],
    ['jane.doe@acmecorp.test', 'acmecorp2024!'],
  ])('refuses, for %s, %s', (email, password) => {
    expect(passwordProblem(password, email)).toMatch(/email/);
  });

  it.each(['correct horse battery', 'a long enough password', 'tulip-anvil-42-orbit', 'Xk7#pQ2m!vL9'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, 'jane.doe@acme.test')).toBeNull();
    },
  );
});

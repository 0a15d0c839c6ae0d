// The characters a regular expression's \s matches (white space and line terminators), for scans
// that walk a string by character code instead of running an expression over it.
export const isJsSpace = (code: number): boolean => {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
};

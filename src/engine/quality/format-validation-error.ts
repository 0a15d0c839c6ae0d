import type { z } from 'zod';

// An unrecognised key is reported by zod against its parent object; naming the key itself is what
// lets someone find the typo in a 100k-line import.
export const formatIssue = (issue: z.core.$ZodIssue): string => {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => [...path, key].join('.')).join(', ');
    return `${fields}: ${issue.message}`;
  }
  return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
};

export const formatValidationError = (error: z.ZodError): string => error.issues.map(formatIssue).join('; ');

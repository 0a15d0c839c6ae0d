import { createHash } from 'node:crypto';
import { problemsStyle } from './problems-page.js';
import { referenceScript, referenceStyle } from './reference-page.js';

const hashOf = (inline: string) => `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;

/*
 * One policy for every answer. The API answers JSON, which a browser never runs; the two HTML
 * pages (the API reference and the problem codes) run only their own inline style and script,
 * allowed by hash rather than 'unsafe-inline', so text that slipped into a page could not run.
 * The web app runs only the script and style files it was built into ('self'), nothing inline.
 * Nothing loads from elsewhere, and no other site may frame a page.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src 'self' ${hashOf(referenceScript)}`,
  `style-src 'self' ${hashOf(referenceStyle)} ${hashOf(problemsStyle)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

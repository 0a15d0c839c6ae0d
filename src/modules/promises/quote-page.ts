import { html } from 'hono/html';
import { displayReference } from './reference.js';
import type { PromiseRow } from './schema.js';
import { isLapsedOffer } from './answer-quote.js';

const dateText = (d: Date) => d.toUTCString();

/*
 * The customer's page for a quote: its terms, and what they can do now. Plain HTML with no script
 * and no inline style, so the one content security policy of the API covers it unchanged
 * (form-action 'self' lets the form post back to this same signed URL). Every value is escaped
 * by the html template.
 */
export function quotePage(row: PromiseRow, formAction: string, now: Date) {
  const reference = displayReference(row.reference);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>Quote ${reference}</title>
      </head>
      <body>
        <main>
          <h1>Quote ${reference}</h1>
          <section aria-label="Terms">
            <p>${row.terms}</p>
            ${row.expiresAt ? html`<p>Valid until ${dateText(row.expiresAt)}.</p>` : ''}
          </section>
          ${action(row, formAction, now)}
          <p><small>Reference ${reference}. Quote it in any message or call about this offer.</small></p>
        </main>
      </body>
    </html>`;
}

function action(row: PromiseRow, formAction: string, now: Date) {
  if (row.status === 'kept')
    return html`<p role="status">Accepted on ${dateText(row.closedAt ?? now)}. Thank you.</p>`;
  if (isLapsedOffer(row, now)) {
    if (row.renewalRequestedAt)
      return html`<p role="status">
        This quote has expired. You asked for a renewed quote on ${dateText(row.renewalRequestedAt)}; we will
        be in touch.
      </p>`;
    return html`<p>This quote has expired. We can prepare a renewed one for you.</p>
      <form method="post" action="${formAction}">
        <input type="hidden" name="answer" value="renew" />
        <button type="submit">Ask for a renewed quote</button>
      </form>`;
  }
  if (row.status === 'open')
    return html`<form method="post" action="${formAction}">
      <input type="hidden" name="answer" value="accept" />
      <button type="submit">Accept this quote</button>
    </form>`;
  return html`<p role="status">
    This quote is no longer available. Reply to our last message and we will help.
  </p>`;
}

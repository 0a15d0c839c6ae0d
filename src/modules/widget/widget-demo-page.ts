import { html } from 'hono/html';

export type DemoEmbed = {
  key?: string;
  customerId?: string;
  signature?: string;
  name?: string;
  email?: string;
};

/*
 * A host page as a customer's site would be, with the widget's one script tag. Plain HTML with no
 * inline script or style, so it runs under the same strict Content-Security-Policy as every
 * answer of this server, as the widget must on any strict host site. Every value is escaped by the
 * html template. Without a key it says where to find one and takes it in a form.
 */
export function widgetDemoPage(origin: string, embed: DemoEmbed) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Earshot chat widget demo</title>
      </head>
      <body>
        <main>
          <h1>Chat widget demo</h1>
          ${embed.key ? withWidget(origin, embed) : howToGetAKey()}
        </main>
        ${
          embed.key
            ? html`<script
                src="/widget.js"
                data-workspace="${embed.key}"
                ${embed.customerId ? html`data-customer-id="${embed.customerId}"` : ''}
                ${embed.signature ? html`data-signature="${embed.signature}"` : ''}
                ${embed.name ? html`data-name="${embed.name}"` : ''}
                ${embed.email ? html`data-email="${embed.email}"` : ''}
                async
              ></script>`
            : ''
        }
      </body>
    </html>`;
}

function withWidget(origin: string, embed: DemoEmbed) {
  const who = embed.customerId
    ? `as customer ${embed.customerId}${embed.signature ? ', signed by the host' : ', unsigned'}`
    : 'as an anonymous visitor';
  return html`<p>
      This page stands for your website. The chat button at the bottom right is the widget, here ${who}. Your
      site embeds it with:
    </p>
    <pre><code>&lt;script src="${origin}/widget.js" data-workspace="${embed.key}" async&gt;&lt;/script&gt;</code></pre>
    <p>
      Add <code>data-customer-id</code> and <code>data-signature</code> (the hex HMAC-SHA256 of the customer
      id with the workspace's signing secret) so a signed-in customer is verified and finds their
      conversations on any browser; <code>data-name</code> and <code>data-email</code> are optional. Try them
      here as query parameters: <code>customerId</code>, <code>signature</code>, <code>name</code>,
      <code>email</code>.
    </p>
    <p>Agents answer in the <a href="/">web app</a>.</p>`;
}

function howToGetAKey() {
  return html`<p>The widget needs your workspace's public widget key (it starts with <code>wk_</code>).</p>
    <p>
      An admin reads it from <code>GET /api/v1/channels/widget</code>, for example with an API key:
      <code>curl -H "Authorization: Bearer $EARSHOT_API_KEY" ${'<this server>'}/api/v1/channels/widget</code>
      (the answer's <code>workspaceKey</code>). Then paste it here:
    </p>
    <form method="get" action="/widget/demo">
      <label for="key">Workspace key</label>
      <input id="key" name="key" required autocomplete="off" />
      <button type="submit">Open the demo</button>
    </form>`;
}

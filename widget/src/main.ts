import { createChat } from './chat.js';
import { createStore } from './store.js';
import type { Embed } from './types.js';
import { createView } from './view.js';

/*
 * The Earshot chat widget, loaded by one script tag on the host site:
 *   <script src="https://earshot.example/widget.js" data-workspace="wk_…" async></script>
 * with optional data-customer-id and data-signature (the host's HMAC of its customer id), and
 * data-name and data-email. Everything it talks to is the server the script came from.
 */
function embedOf(script: HTMLScriptElement): Embed | null {
  const d = script.dataset;
  if (!d.workspace) {
    console.warn('Earshot widget: the script tag needs data-workspace="<your workspace key>".');
    return null;
  }
  return {
    origin: new URL(script.src, location.href).origin,
    workspaceKey: d.workspace,
    customerId: d.customerId || undefined,
    signature: d.signature || undefined,
    name: d.name || undefined,
    email: d.email || undefined,
  };
}

async function boot(script: HTMLScriptElement) {
  const embed = embedOf(script);
  if (!embed) return;
  const store = createStore(embed.workspaceKey);
  // The view exists before any of these is called: the chat starts only once the view is shown.
  const chat = createChat(embed, store, {
    message: (m, fresh) => view.message(m, fresh),
    pending: (p) => view.pending(p),
    acknowledged: (id) => view.acknowledged(id),
    refused: (id, reason) => view.refused(id, reason),
    routing: (r) => view.routing(r),
    conversation: (c) => view.conversation(c),
    session: (s) => view.session(s),
    connection: (up) => view.connection(up),
  });
  let config;
  try {
    config = await chat.config();
  } catch (error) {
    console.warn(`Earshot widget: no chat for this workspace key (${(error as Error).message}).`);
    return;
  }
  const view = createView(config, embed.email, {
    opened: () => void chat.start(),
    send: (text) => void chat.send(text),
    askForHuman: () => void chat.askForHuman(),
    callback: (body) => chat.callback(body),
  });
  document.body.append(view.host);
  const saved = store.get();
  if (saved.session) view.session(saved.session);
  // A visitor who already has a conversation hears the team's replies with the panel closed.
  if (saved.conversationId || saved.pending.length) void chat.start();

  // Whatever dropped (socket, network, a sleeping laptop), coming back means catching up at once.
  addEventListener('online', () => void chat.reconnect());
  addEventListener('offline', () => view.connection(false));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void chat.reconnect();
  });
  // At least every 15 s: the position and wait, and any message a dropped frame missed.
  // Every 30 s, whether anyone is online and when the team is back.
  let tick = 0;
  setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    if (chat.hasConversation()) void chat.sync();
    if (++tick % 3 === 0) chat.config().then(view.config, () => undefined);
  }, 10_000);
}

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src$="/widget.js"][data-workspace]');
if (script) {
  if (document.body) void boot(script);
  else document.addEventListener('DOMContentLoaded', () => void boot(script));
}

import { backAtText, waitRange } from './format.js';
import { css } from './styles.js';
import type { Conversation, Message, Pending, Routing, Session, WidgetConfig } from './types.js';

export type ViewActions = {
  opened(): void;
  send(text: string): void;
  askForHuman(): void;
  callback(body: { phone?: string; email?: string }): Promise<{ reference: string }>;
};

const who: Record<Message['role'], string> = {
  customer: 'You',
  agent: 'Agent',
  bot: 'Automated assistant',
  system: 'Automated notice',
};

type Props = Record<string, string | number | boolean>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...kids: (Node | string)[]) {
  const node: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
}

/*
 * The widget's screen, in a shadow root of its own: a launcher button and a non-modal dialog with
 * the conversation. Everything is built with DOM calls and textContent: no HTML from the network
 * is ever parsed, and nothing inline needs the host's CSP to allow it.
 */
export function createView(config: WidgetConfig, email: string | undefined, act: ViewActions) {
  const host = el('div', { className: 'earshot-widget' });
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];

  const launcher = el('button', { className: 'launcher', type: 'button' }, 'Chat with us');
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'earshot-panel');

  const title = el('h2', { id: 'earshot-title' }, config.workspaceName);
  const presence = el('p');
  const identity = el('p');
  const close = el('button', { className: 'close', type: 'button', title: 'Close chat' }, '×');
  close.setAttribute('aria-label', 'Close chat');

  const note = el('p', { className: 'note', hidden: true });
  const log = el('ol', { className: 'log' });
  log.setAttribute('aria-label', 'Conversation');
  const humanButton = () => {
    const b = el('button', { type: 'button', className: 'human' }, 'Talk to a person');
    b.addEventListener('click', () => act.askForHuman());
    return b;
  };
  log.append(
    el('li', { className: 'intro' }, el('p', {}, 'Hi! How can we help? Write below, or:'), humanButton()),
  );
  // Position and wait: a status region, so a screen reader hears each change.
  const wait = el('p', { className: 'wait', role: 'status' });
  const callbackSlot = el('div');
  const body = el('div', { className: 'body' }, note, log, wait, callbackSlot);

  const textarea = el('textarea', { id: 'earshot-text', rows: 2 });
  const composer = el(
    'form',
    { className: 'composer' },
    el('label', { className: 'sr', htmlFor: 'earshot-text' }, 'Your message'),
    textarea,
    el('button', { type: 'submit', className: 'primary' }, 'Send'),
  );
  // New messages from the team are read out here (the log itself is not live: a resent message
  // replacing its "sending" line would otherwise be read twice).
  const announcer = el('div', { className: 'sr' });
  announcer.setAttribute('aria-live', 'polite');

  const panel = el(
    'section',
    { className: 'panel', id: 'earshot-panel', hidden: true },
    el('header', {}, title, presence, identity, close),
    body,
    composer,
    announcer,
  );
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'earshot-title');
  root.append(launcher, panel);

  let unread = 0;
  function setOpen(open: boolean) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      unread = 0;
      launcher.textContent = 'Chat with us';
      act.opened();
      textarea.focus();
      body.scrollTop = body.scrollHeight;
    } else launcher.focus();
  }
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  launcher.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) setOpen(false);
  });
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
  });
  composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = textarea.value.trim();
    if (!text) return;
    textarea.value = '';
    act.send(text);
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      composer.requestSubmit();
    }
  });

  function announce(text: string) {
    // Replaced rather than appended, so only the newest is read and the region stays small.
    announcer.textContent = text;
  }

  function showPresence() {
    if (config.online) {
      presence.textContent = 'Online now';
      note.hidden = true;
      return;
    }
    const back = config.backAt ? backAtText(config.backAt) : null;
    presence.textContent = back ? `Away, back ${back}` : 'Away';
    note.hidden = false;
    note.textContent =
      `Nobody from ${config.workspaceName} is available right now` +
      (back ? `; we are back ${back} (your time).` : '.') +
      ' Leave your message: a person answers it when we are back' +
      (email ? `, here and by email to ${email}.` : ', here (you can leave your email in the message too).');
  }
  showPresence();

  function scrollDown() {
    body.scrollTop = body.scrollHeight;
  }

  function messageItem(m: Message) {
    const li = el(
      'li',
      { className: m.role },
      el('span', { className: 'who' }, m.role === 'agent' ? (m.authorName ?? who.agent) : who[m.role]),
      el('p', {}, m.text),
    );
    li.dataset.seq = String(m.seq);
    // The door to a person stays under every automated answer; no setting removes it.
    if (m.role === 'bot' || m.role === 'system') li.append(humanButton());
    return li;
  }

  const pendingItems = new Map<string, HTMLLIElement>();

  return {
    host,
    open: () => setOpen(true),
    message(m: Message, fresh: boolean) {
      if (log.querySelector(`[data-seq="${m.seq}"]`)) return;
      if (m.clientId) pendingItems.get(m.clientId)?.remove();
      const item = messageItem(m);
      const later = [...log.querySelectorAll<HTMLElement>('[data-seq]')].find(
        (li) => Number(li.dataset.seq) > m.seq,
      );
      // Sent messages go after the acknowledged ones, still waiting, until the server has them.
      log.insertBefore(item, later ?? log.querySelector('.pending'));
      if (fresh && m.role !== 'customer') {
        announce(`${item.firstChild!.textContent}: ${m.text}`);
        if (panel.hidden) launcher.textContent = `Chat with us (${++unread} new)`;
      }
      scrollDown();
    },
    pending(p: Pending) {
      if (pendingItems.has(p.clientId)) return;
      const item = el(
        'li',
        { className: 'customer pending' },
        el('span', { className: 'who' }, 'You'),
        el('p', {}, p.text),
        el('span', { className: 'state' }, 'Sending…'),
      );
      pendingItems.set(p.clientId, item);
      log.append(item);
      scrollDown();
    },
    acknowledged(clientId: string) {
      pendingItems.get(clientId)?.remove();
      pendingItems.delete(clientId);
    },
    refused(clientId: string, reason: string) {
      const item = pendingItems.get(clientId);
      if (!item) return;
      item.className = 'customer refused';
      item.querySelector('.state')!.textContent = `Not sent: ${reason}`;
      pendingItems.delete(clientId);
      announce(`Your message was not sent: ${reason}`);
    },
    connection(up: boolean) {
      for (const item of pendingItems.values()) {
        item.querySelector('.state')!.textContent = up
          ? 'Sending…'
          : 'Not sent yet: it goes as soon as you are back online';
      }
    },
    routing(r: Routing) {
      let text = '';
      if (typeof r.position === 'number') {
        const range = r.estimatedWait ? `; expected wait ${waitRange(r.estimatedWait)}` : '';
        text = `You are number ${r.position} in the queue for a person${range}.`;
      } else if (r.state === 'offered') text = 'A person is about to join you.';
      else if (r.state === 'assigned') text = 'A person is with you.';
      if (wait.textContent !== text) wait.textContent = text;
    },
    conversation(c: Conversation) {
      if (c.backAt && !config.online) config.backAt = c.backAt;
      showPresence();
      if (!c.offerCallback) {
        if (!callbackSlot.querySelector('.done')) callbackSlot.replaceChildren();
        return;
      }
      if (callbackSlot.firstChild) return;
      callbackSlot.append(callbackForm());
    },
    /** Presence changes while the page is open: shown as it is now, never as it was. */
    config(fresh: WidgetConfig) {
      Object.assign(config, fresh);
      showPresence();
    },
    session(s: Session) {
      identity.textContent = s.verified ? 'Verified: you are signed in' : 'Not verified (guest chat)';
    },
  };

  function callbackForm() {
    const phone = el('input', { type: 'tel', id: 'earshot-phone', autocomplete: 'tel' });
    const mail = el('input', {
      type: 'email',
      id: 'earshot-email',
      autocomplete: 'email',
      value: email ?? '',
    });
    const error = el('p', { role: 'alert' });
    const form = el(
      'form',
      { className: 'callback' },
      el('p', {}, 'Waiting a while? Keep your place: we call you back, or reply by email.'),
      el('label', { htmlFor: 'earshot-phone' }, 'Phone number'),
      phone,
      el('label', { htmlFor: 'earshot-email' }, 'or email'),
      mail,
      el('button', { type: 'submit', className: 'primary' }, 'Keep my place'),
      error,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { phone: phone.value.trim() || undefined, email: mail.value.trim() || undefined };
      if (!body.phone && !body.email) {
        error.textContent = 'Give a phone number or an email address.';
        return;
      }
      try {
        const { reference } = await act.callback(body);
        const done = el('p', { className: 'note done', role: 'status' });
        done.textContent = `Done: you keep your place. Your reference is ${reference}.`;
        form.replaceWith(done);
      } catch (err) {
        error.textContent = `That did not work: ${(err as Error).message}`;
      }
    });
    return form;
  }
}

export type View = ReturnType<typeof createView>;

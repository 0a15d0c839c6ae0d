import type { Conversation, Embed, Message, Routing, Session, WidgetConfig } from './types.js';

/** An answer that is not a success; `status` 0 means the request never reached the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Init = { method?: string; body?: unknown; auth?: boolean };

/*
 * The visitor API, reached only with the visitor token (never a staff credential). A token that
 * expired is replaced once by a new session for the same visitor and the request is sent again.
 */
export function createApi(embed: Embed, session: () => Promise<Session>, renew: () => Promise<Session>) {
  const base = `${embed.origin}/api/v1/widget`;

  async function send<T>(path: string, init: Init = {}, retried = false): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.auth !== false) headers.authorization = `Bearer ${(await session()).token}`;
    let res: Response;
    try {
      res = await fetch(base + path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(0, 'offline');
    }
    if (res.status === 401 && init.auth !== false && !retried) {
      await renew();
      return send(path, init, true);
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const detail = (body as { detail?: string; title?: string } | null) ?? {};
      throw new ApiError(res.status, detail.detail ?? detail.title ?? `HTTP ${res.status}`);
    }
    return body as T;
  }

  const conv = (id: string) => `/conversations/${encodeURIComponent(id)}`;
  return {
    config: () =>
      send<WidgetConfig>(`/config?workspaceKey=${encodeURIComponent(embed.workspaceKey)}`, { auth: false }),
    openSession: (visitorId?: string | null) =>
      send<Session>('/sessions', {
        method: 'POST',
        auth: false,
        body: {
          workspaceKey: embed.workspaceKey,
          customerId: embed.customerId,
          signature: embed.signature,
          name: embed.name,
          email: embed.email,
          visitorId: visitorId ?? undefined,
        },
      }),
    conversations: async () => {
      const body = await send<Conversation[] | { items: Conversation[] }>('/conversations');
      return Array.isArray(body) ? body : body.items;
    },
    start: (text: string, clientId: string) =>
      send<Conversation>('/conversations', { method: 'POST', body: { text, clientId } }),
    conversation: (id: string) => send<Conversation>(conv(id)),
    post: (id: string, text: string, clientId: string) =>
      send<Message>(`${conv(id)}/messages`, { method: 'POST', body: { text, clientId } }),
    messagesAfter: async (id: string, after: number) =>
      (await send<{ items: Message[] }>(`${conv(id)}/messages?after=${after}`)).items,
    askForHuman: (id: string) =>
      send<{ routing: Routing }>(`${conv(id)}/human`, { method: 'POST', body: {} }),
    callback: (id: string, body: { phone?: string; email?: string }) =>
      send<{ reference: string }>(`${conv(id)}/callback`, { method: 'POST', body }),
  };
}

export type Api = ReturnType<typeof createApi>;

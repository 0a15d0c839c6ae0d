// Calls a running server's API with one credential, as a client outside the process would.
export function httpClient(serverUrl: string, key: string) {
  const base = `${serverUrl.replace('localhost', '127.0.0.1')}/api/v1`;
  return async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(`${base}${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };
}

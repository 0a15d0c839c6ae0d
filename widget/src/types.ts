// The visitor API's shapes, as far as the widget reads them (see src/modules/widget on the server).

export type WidgetConfig = {
  workspaceName: string;
  anonymousAllowed: boolean;
  enforceSignature: boolean;
  online: boolean;
  backAt?: string | null;
  timeZone: string;
  callbackOfferAfterSeconds: number;
};

export type Session = {
  token: string;
  customerId: string;
  verified: boolean;
  expiresAt: string;
  visitorId?: string | null;
};

export type Routing = {
  state: string;
  position?: number | null;
  estimatedWait?: { minSeconds: number; maxSeconds: number } | null;
};

export type Conversation = {
  id: string;
  status: string;
  routing?: Routing | null;
  verified?: boolean;
  offerCallback?: boolean;
  backAt?: string | null;
  lastActivityAt?: string;
  createdAt?: string;
};

export type Message = {
  id: string;
  seq: number;
  role: 'customer' | 'agent' | 'bot' | 'system';
  text: string;
  createdAt: string;
  clientId?: string | null;
  authorName?: string | null;
};

/** A message written here that the server has not acknowledged yet. */
export type Pending = { clientId: string; text: string };

/** What the host page's script tag says. */
export type Embed = {
  origin: string;
  workspaceKey: string;
  customerId?: string;
  signature?: string;
  name?: string;
  email?: string;
};

import type { z } from 'zod';

export type EventCatalog = Record<string, z.ZodType>;

// Each module declares the events it publishes with defineEvents() in its events.ts and merges
// their payload types in here, so emitting an event nobody declared, or with the wrong payload,
// is a type error; the zod schemas check payloads again at run time.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleEvents {}

export type EventType = keyof ModuleEvents & string;

/** A fact that already happened in one workspace; `id` is its place in the outbox. */
export type DomainEvent<T extends EventType = EventType> = T extends EventType
  ? { id: number; type: T; workspaceId: string; at: string; data: ModuleEvents[T] }
  : never;

/** An event as the transaction that emits it sees it: not yet numbered, not yet committed. */
export type EmittedEvent<T extends EventType = EventType> = T extends EventType
  ? { type: T; workspaceId: string; at: string; data: ModuleEvents[T] }
  : never;

export type PayloadsOf<C extends EventCatalog> = { [K in keyof C]: z.output<C[K]> };

const schemas = new Map<string, z.ZodType>();

export function defineEvents<const C extends EventCatalog>(catalog: C): C {
  for (const [type, schema] of Object.entries(catalog)) {
    if (schemas.has(type)) throw new Error(`Event ${type} is declared twice`);
    schemas.set(type, schema);
  }
  return catalog;
}

/** The payload schema of a declared event type, or undefined for a type nobody declared. */
export const eventSchema = (type: string): z.ZodType | undefined => schemas.get(type);

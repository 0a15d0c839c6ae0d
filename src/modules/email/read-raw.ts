import { eq, sql } from 'drizzle-orm';
import { inWorkspace, type Scope, type ScopeDeps } from '../../platform/tenancy/scope.js';
import { emailInbound } from './schema.js';

// A mail is read from its row in pieces this big: the database driver never builds one value
// (or its hex text) the size of a 25 MB mail.
const pieceBytes = 1024 * 1024;

/** A stored mail's raw bytes, a piece at a time, for as many reads as the caller makes. */
export function readRaw(deps: ScopeDeps, scope: Scope, inboundId: string, size: number) {
  return async function* () {
    for (let offset = 0; offset < size; offset += pieceBytes) {
      const [piece] = await inWorkspace(deps, scope, (work) =>
        work.tx
          .select({
            bytes: sql`substring(${emailInbound.raw} from ${offset + 1} for ${pieceBytes})`.mapWith(
              emailInbound.raw,
            ),
          })
          .from(emailInbound)
          .where(eq(emailInbound.id, inboundId)),
      );
      if (!piece) throw new Error(`The mail ${inboundId} is gone`);
      yield piece.bytes as Buffer;
    }
  };
}

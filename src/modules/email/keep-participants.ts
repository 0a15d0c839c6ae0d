import { sql } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { storable } from './mail-content.js';
import type { MailAddress, ParsedMail } from './parse-mail.js';
import { emailParticipants, type ParticipantRole } from './schema.js';

/**
 * Adds the people a mail names to its conversation's participants: who it is from, whom answers
 * should go to (Reply-To), whom it was addressed and copied to, each with the name they gave.
 * A name seen again replaces the old one; an empty name never erases one.
 */
export async function keepParticipants(
  ctx: WorkContext,
  conversationId: string,
  mail: ParsedMail,
  isOurs: (address: string) => boolean,
) {
  const people = new Map<string, { name: string; roles: Set<ParticipantRole> }>();
  const add = (role: ParticipantRole, list: (MailAddress | null)[]) => {
    for (const a of list) {
      if (!a || isOurs(a.address)) continue;
      const address = storable(a.address).slice(0, 320);
      const person = people.get(address) ?? { name: '', roles: new Set<ParticipantRole>() };
      person.name ||= storable(a.name).slice(0, 200);
      person.roles.add(role);
      people.set(address, person);
    }
  };
  add('from', [mail.from]);
  add('reply_to', mail.replyTo);
  add('to', mail.to);
  add('cc', mail.cc);
  if (!people.size) return;
  await ctx.tx
    .insert(emailParticipants)
    .values(
      [...people].map(([address, p]) => ({
        workspaceId: ctx.workspaceId,
        conversationId,
        address,
        name: p.name,
        roles: [...p.roles],
      })),
    )
    .onConflictDoUpdate({
      target: [emailParticipants.conversationId, emailParticipants.address],
      set: {
        name: sql`coalesce(nullif(excluded.name, ''), ${emailParticipants.name})`,
        roles: sql`ARRAY(SELECT DISTINCT r FROM unnest(${emailParticipants.roles} || excluded.roles) AS r ORDER BY r)`,
        lastSeenAt: sql`now()`,
      },
    });
}

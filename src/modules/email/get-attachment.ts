import { eq } from 'drizzle-orm';
import { actorCan } from '../../platform/access/permissions.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { emailAttachments } from './schema.js';

/**
 * What an attachment is, by its id, in the caller's workspace only (row-level security: another
 * workspace's id is simply not found). Like the raw mail, a file that reached a conversation is
 * for whoever reads conversations; one that reached none (a bounce's) is for administrators.
 */
export async function getAttachment(ctx: WorkContext, id: string) {
  const [row] = await ctx.tx.select().from(emailAttachments).where(eq(emailAttachments.id, id));
  if (!row) throw new AppError('EMAIL_ATTACHMENT_NOT_FOUND');
  if (!row.conversationId && !actorCan(ctx.actor, 'email:manage')) {
    throw new AppError('FORBIDDEN', {
      message: 'This attachment reached no conversation; administrators read it',
    });
  }
  return row;
}

const token = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
// Types a browser would run as a page or script if it ever showed one in place.
const active = /html|xml|javascript|ecmascript|svg/;

/**
 * The Content-Type an attachment is served with: its own when it is a well-formed `type/subtype`
 * (no parameters, nothing a header could be split with) that a browser would not run, else
 * `application/octet-stream`.
 */
export function servedContentType(contentType: string): string {
  const [type, subtype, ...rest] = contentType.toLowerCase().trim().split('/');
  return !rest.length && type && subtype && token.test(type) && token.test(subtype) && !active.test(subtype)
    ? `${type}/${subtype}`
    : 'application/octet-stream';
}

/**
 * Always a download, never shown in place: an ASCII fallback name with anything that could end
 * the quoted string or the header replaced, and the real name in RFC 5987 form.
 */
export function contentDisposition(filename: string | null, fallback: string): string {
  const name = (filename ?? '').replace(/[\\/]/g, '_').trim() || fallback;
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

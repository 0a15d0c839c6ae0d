/**
 * The key a recipient is looked up by: lower-cased, without angle brackets and without a
 * `+tag`, so `Support+Order-17@Example.com` reaches the mailbox `support@example.com`.
 * Null for something that is not an address.
 */
export function mailboxKey(recipient: string): string | null {
  const address = recipient.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1 || /\s/.test(address)) return null;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${address.slice(at + 1)}`;
}

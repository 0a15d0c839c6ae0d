export type Slots = Readonly<Record<string, string>>;

// Phrase banks are written with {slot} placeholders; a slot nobody provides is a bug in a bank,
// so it fails loudly instead of reaching a customer-facing sentence.
export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`Demo phrase uses {${name}}, which has no value: "${template}"`);
    return value;
  });
}

// The quality engine loads its language model when imported: the first item read loads it, not
// every CLI command that merely lists this module's admin commands.
export async function sentimentOf(text: string): Promise<number> {
  const { scoreCustomerSentiment } = await import('../../engine/quality/index.js');
  return scoreCustomerSentiment(text);
}

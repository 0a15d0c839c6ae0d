// The engine (its tokeniser's lexicon, the sentiment lexicon and the compiled phrase lists) is a
// good part of what the server loads at start-up, and nothing needs it until a conversation is
// scored or a draft checked: it loads on first use, or in the background once the server is answering.
let loading: Promise<typeof import('../../../engine/quality/index.js')> | undefined;

export const loadEngine = () => (loading ??= import('../../../engine/quality/index.js'));

import { createHash, randomBytes } from 'node:crypto';
import type { BlobStore, BlobWriter } from './blob-store.js';
import { mailLines, type MailLine } from './mail-lines.js';
import { base64Decoder, passThroughDecoder, qpDecoder, type PartDecoder } from './part-decoders.js';

/**
 * A mail with the bodies of its binary parts taken out as they are read: each is decoded straight
 * into the blob store and replaced, in the `skeleton`, by a marker line. The skeleton (headers,
 * text parts, structure) is what the MIME parser then reads, so a 25 MB attachment is never held
 * whole, never mind in the several copies a parser makes of it.
 *
 * The structure is read by the rules postal-mime reads it by (lines, header ends, boundaries
 * outermost first, transfer decoding), and parseMail checks the parser found every marker as an
 * attachment's whole content and nowhere else; if not, it parses the mail whole instead.
 */
export type Offloaded = {
  skeleton: Buffer;
  /** Every marker put in the skeleton, with the blob its part's decoded bytes were kept as. */
  blobs: Map<string, { sha256: string; size: number }>;
  /** In every marker and nowhere in a mail by chance. */
  nonce: string;
  /** SHA-256 of everything after the header, as bodyOffset places it. */
  bodyHash: string;
};

type Node = {
  parent: Node | null;
  parentMultipartType: string | null;
  state: 'header' | 'body' | 'finished';
  headerLines: string[];
  children: Node[];
  finalizedChildren: number;
  multipartType: string | null;
  /** Set for a part whose body goes to the blob store. */
  blob: { writer: BlobWriter; decoder: PartDecoder; encoding: string; lastBreak: Buffer } | null;
};

/** Bytes appended a line at a time into blocks: lines of the mail are copied, never kept as views. */
function byteBuilder(blockSize = 64 * 1024) {
  const blocks: Buffer[] = [];
  let block = Buffer.allocUnsafe(blockSize);
  let used = 0;
  return {
    push(...parts: Buffer[]) {
      for (const part of parts) {
        for (let from = 0; from < part.length;) {
          if (used === block.length) {
            blocks.push(block);
            block = Buffer.allocUnsafe(blockSize);
            used = 0;
          }
          const n = part.copy(block, used, from);
          used += n;
          from += n;
        }
      }
    },
    done: () => Buffer.concat([...blocks, block.subarray(0, used)]),
  };
}

const fieldStart = /^(?:From |[!-9;-~]*[ \t]*:)/;
const isWsp = (c: number | undefined) => c === 0x20 || c === 0x09;

function newNode(parent: Node | null): Node {
  return {
    parent,
    parentMultipartType: parent?.multipartType ?? null,
    state: 'header',
    headerLines: [],
    children: [],
    finalizedChildren: 0,
    multipartType: null,
    blob: null,
  };
}

/** The first of each content header, unfolded; comments dropped where they cannot be content. */
function contentHeaders(lines: string[]) {
  const unfolded: string[] = [];
  for (const line of lines) {
    if (isWsp(line.charCodeAt(0)) && unfolded.length) unfolded[unfolded.length - 1] += line;
    else unfolded.push(line);
  }
  const first = (name: string) => {
    const line = unfolded.find((l) => l.slice(0, l.indexOf(':')).toLowerCase() === name);
    return line === undefined ? null : line.slice(line.indexOf(':') + 1).trim();
  };
  return { contentType: first('content-type'), encoding: first('content-transfer-encoding') };
}

const boundaryOf = (contentType: string) =>
  /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))/i
    .exec(contentType)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Reads a mail's lines, keeping binary parts' bodies in `store` and the rest in a skeleton. */
export async function offloadAttachments(
  chunks: AsyncIterable<Uint8Array>,
  store: BlobStore,
): Promise<Offloaded> {
  const nonce = randomBytes(12).toString('hex');
  const blobs = new Map<string, { sha256: string; size: number }>();
  const skeleton = byteBuilder();
  const bodyHash = createHash('sha256');
  const boundaries: { value: Buffer; node: Node }[] = [];
  const root = newNode(null);
  let current = root;
  const writers: BlobWriter[] = [];

  function endHeaders(node: Node) {
    node.state = 'body';
    const headers = contentHeaders(node.headerLines);
    node.headerLines = [];
    const defaultType = node.parentMultipartType === 'digest' ? 'message/rfc822' : 'text/plain';
    const contentType = headers.contentType ?? defaultType;
    const type =
      contentType
        .replace(/\([^()]*\)/g, '')
        .split(';')[0]!
        .trim()
        .toLowerCase() || defaultType;
    if (type.startsWith('multipart/')) {
      const boundary = boundaryOf(contentType)?.trimEnd() ?? '';
      // A multipart without a usable boundary is read as text, by postal-mime too: kept as is.
      if (boundary && /^[\x20-\x7e]+$/.test(boundary)) {
        node.multipartType = type.slice('multipart/'.length);
        boundaries.push({ value: Buffer.from(boundary, 'latin1'), node });
      }
      return;
    }
    // Text and nested mails stay for the parser to read; any other part is a file.
    if (type.startsWith('text/') || type.startsWith('message/') || !type.includes('/')) return;
    const encoding = (headers.encoding ?? '')
      .replace(/\([^()]*\)/g, '')
      .toLowerCase()
      .match(/^[ \t]*([\w-]+)/)?.[1];
    return encoding ?? '';
  }

  async function finalize(node: Node, boundaryEnded: boolean) {
    if (node.state === 'finished') return;
    if (node.state === 'header') endHeaders(node);
    const at = boundaries.findIndex((b) => b.node === node);
    if (at >= 0) boundaries.splice(at, 1);
    await finalizeChildren(node, boundaryEnded);
    node.state = 'finished';
    if (!node.blob) return;
    const { writer, decoder, encoding, lastBreak } = node.blob;
    await decoder.finish(boundaryEnded);
    const kept = await writer.finish();
    const marker = `earshot-blob-${nonce}-${blobs.size}`;
    blobs.set(marker, kept);
    const body = encoding === 'base64' ? Buffer.from(marker).toString('base64') : marker;
    skeleton.push(Buffer.from(body, 'latin1'), lastBreak);
  }

  async function finalizeChildren(node: Node, boundaryEnded: boolean) {
    while (node.finalizedChildren < node.children.length) {
      await finalize(node.children[node.finalizedChildren++]!, boundaryEnded);
    }
  }

  async function startBlob(node: Node, encoding: string) {
    const writer = await store.create();
    writers.push(writer);
    const sink = (bytes: Uint8Array) => writer.write(bytes);
    const decoder =
      encoding === 'base64'
        ? base64Decoder(sink)
        : encoding === 'quoted-printable'
          ? qpDecoder(sink)
          : passThroughDecoder(sink);
    node.blob = { writer, decoder, encoding, lastBreak: Buffer.from('\r\n') };
  }

  const matchBoundary = (bytes: Buffer) => {
    if (!boundaries.length || bytes.length <= 2 || bytes[0] !== 0x2d || bytes[1] !== 0x2d) return null;
    for (const boundary of boundaries) {
      const end = boundary.value.length + 2;
      if (bytes.length < end || !bytes.subarray(2, end).equals(boundary.value)) continue;
      const terminator = bytes.length >= end + 2 && bytes[end] === 0x2d && bytes[end + 1] === 0x2d;
      const rest = bytes.subarray(terminator ? end + 2 : end);
      if (rest.every((c) => isWsp(c))) return { boundary, terminator };
    }
    return null;
  };

  async function processLine(line: MailLine): Promise<void> {
    const matched = matchBoundary(line.bytes);
    if (matched) {
      if (matched.terminator) {
        await finalize(matched.boundary.node, true);
        current = matched.boundary.node.parent ?? root;
      } else {
        await finalizeChildren(matched.boundary.node, true);
        current = newNode(matched.boundary.node);
        matched.boundary.node.children.push(current);
      }
      skeleton.push(line.raw);
      return;
    }
    const node = current;
    if (node.state === 'header') {
      const endsHeader = !line.bytes.length;
      const text = line.bytes.toString('latin1');
      if (endsHeader || (!isWsp(line.bytes[0]) && !fieldStart.test(text))) {
        const encoding = endHeaders(node);
        if (encoding !== undefined) await startBlob(node, encoding);
        if (endsHeader) skeleton.push(line.raw);
        // A line that is no header ends the headers and is the body's first line.
        else await processLine(line);
        return;
      }
      node.headerLines.push(text);
      skeleton.push(line.raw);
      return;
    }
    if (node.state === 'body' && node.blob) {
      await node.blob.decoder.line(line.bytes, line.lineBreak);
      if (line.raw.length > line.bytes.length) node.blob.lastBreak = line.lineBreak;
      return;
    }
    skeleton.push(line.raw);
  }

  try {
    for await (const line of mailLines(chunks)) {
      if (line.afterHeader) bodyHash.update(line.raw);
      await processLine(line);
    }
    await finalize(root, false);
  } catch (err) {
    for (const writer of writers) await writer.abort().catch(() => undefined);
    throw err;
  }
  return { skeleton: skeleton.done(), blobs, nonce, bodyHash: bodyHash.digest('hex') };
}

import { open } from 'node:fs/promises';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';

type TextEncoding = 'utf8' | 'utf16le' | 'latin1';

const HEAD_BYTES = 64 * 1024;

/**
 * Reads the head of a file and decides how to decode it: a BOM wins; NUL bytes or many control
 * characters mean binary (refused); valid UTF-8 is UTF-8; anything else is read as Latin-1, which
 * never fails. Returns the decoded head (BOM removed) for format sniffing.
 */
export async function sniffText(path: string): Promise<{ encoding: TextEncoding; head: string }> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf8', head: new TextDecoder('utf-8').decode(bytes.subarray(3), { stream: true }) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf16le', head: new TextDecoder('utf-16le').decode(bytes.subarray(2), { stream: true }) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new DiscoveryError(DiscoveryErrorCode.FILE_NOT_TEXT, 'UTF-16 big-endian text is not supported');
  }
  let control = 0;
  for (const byte of bytes) {
    if (byte === 0) throw new DiscoveryError(DiscoveryErrorCode.FILE_NOT_TEXT, 'binary content (NUL bytes)');
    // C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape.
    if (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) control++;
  }
  if (bytes.length && control / bytes.length > 0.05) {
    throw new DiscoveryError(DiscoveryErrorCode.FILE_NOT_TEXT, 'binary content (control characters)');
  }
  try {
    return { encoding: 'utf8', head: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }) };
  } catch {
    return { encoding: 'latin1', head: new TextDecoder('latin1').decode(bytes) };
  }
}

/** One tag of an XML document, as scanXml sees it. */
export interface XmlTag {
  /** Qualified name, e.g. `w:p`, `table:table-cell`. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The text between `<` and `>`, attributes included. */
  raw: string;
}

/**
 * Walks an XML document in one linear pass: character data (entities decoded, CDATA as is) and
 * tags, in document order; comments and processing instructions are skipped. Not a validating
 * parser: malformed markup loses text, it does not fail.
 */
export function scanXml(xml: string, onText: (text: string) => void, onTag: (tag: XmlTag) => void): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) onText(decodeEntities(xml.slice(i, end)));
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      onText(xml.slice(lt + 9, close === -1 ? n : close));
      i = close === -1 ? n : close + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) break;
    i = gt + 1;
    const raw = xml.slice(lt + 1, gt);
    if (raw.startsWith('?')) continue;
    const closing = raw.startsWith('/');
    const nameEnd = raw.search(/[\s/]|$/u);
    const name = closing ? raw.slice(1).trim() : raw.slice(0, nameEnd === 0 ? raw.length : nameEnd);
    onTag({ name, closing, selfClosing: raw.endsWith('/'), raw });
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and predefined entity references decoded; invalid code points dropped. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

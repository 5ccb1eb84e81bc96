/**
 * A small strict XML reader for the conformance tests, written apart from the serializer so a
 * bug in one is not mirrored in the other. It accepts what GeoReport v2 answers contain — an XML
 * declaration, elements without attributes or namespaces, text with the five entities and
 * numeric references — and throws on anything malformed.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids exactly these.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string): string {
  if (raw.includes('<')) throw new Error('raw < in text');
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity ${whole}`);
    if (ref in ENTITIES) return ENTITIES[ref] as string;
    const num = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref};`);
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}

export function parseXml(xml: string): { declaration: string; root: XmlElement } {
  if (FORBIDDEN.test(xml)) throw new Error('forbidden control character');
  const decl = /^<\?xml version="1\.0" encoding="(utf|UTF)-8"\?>\s*/.exec(xml);
  if (!decl) throw new Error('missing <?xml version="1.0" encoding="utf-8"?> declaration');
  let pos = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt === -1 ? xml.length : lt;
    const text = xml.slice(pos, textEnd);
    if (stack.length) (stack[stack.length - 1] as XmlElement).text += decode(text);
    else if (text.trim()) throw new Error(`text outside the root: ${text.trim().slice(0, 20)}`);
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    pos = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1);
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const name = selfClosing ? tag.slice(0, -1) : tag;
    if (!NAME.test(name)) throw new Error(`bad tag <${tag}> (attributes are not expected)`);
    if (!stack.length && root) throw new Error('more than one root element');
    const element: XmlElement = { name, children: [], text: '' };
    if (stack.length) (stack[stack.length - 1] as XmlElement).children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return { declaration: decl[0], root };
}

/** The one child named `name` (throws when missing or repeated). */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0] as XmlElement;
}

/** Text of a leaf element; leaves must not hold elements. */
export function leaf(element: XmlElement, name: string): string {
  const el = child(element, name);
  if (el.children.length) throw new Error(`<${name}> is not a leaf`);
  return el.text;
}

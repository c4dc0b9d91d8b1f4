/** Reads a .docx back for tests: unzips it (fflate) and parses its XML parts (happy-dom's DOMParser). */
import { strFromU8, unzipSync } from 'fflate';
import { Window } from 'happy-dom';

const parser = new new Window().DOMParser();

/** A parsed XML part; throws when the XML is not well-formed. */
export function parseXml(xml: string): Document {
  const doc = parser.parseFromString(xml, 'application/xml') as unknown as Document;
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(`malformed XML: ${xml.slice(0, 200)}`);
  return doc;
}

/** One paragraph of word/document.xml, as a test sees it. */
export interface DocxParagraph {
  /** The paragraph's style id (Title, Heading1, Quote…); '' for Normal. */
  style: string;
  /** Its text, line breaks as \n. */
  text: string;
  /** East Asian font of its first run. */
  eastAsiaFont: string;
  /** Size of its first run in half-points. */
  size: number;
  /** Its alignment ('' when left). */
  align: string;
}

/** An opened .docx: its files, parsed XML and paragraphs in order. */
export interface OpenedDocx {
  files: Record<string, Uint8Array>;
  xml: (path: string) => Document;
  paragraphs: DocxParagraph[];
}

export function openDocx(data: Uint8Array): OpenedDocx {
  const files = unzipSync(data);
  const xml = (path: string): Document => {
    const file = files[path];
    if (!file) throw new Error(`missing part ${path}`);
    return parseXml(strFromU8(file));
  };
  const body = xml('word/document.xml').getElementsByTagName('w:body')[0]!;
  const paragraphs = [...body.getElementsByTagName('w:p')].map((p) => {
    const attr = (tag: string, name = 'w:val'): string => p.getElementsByTagName(tag)[0]?.getAttribute(name) ?? '';
    const text = [...p.getElementsByTagName('w:r')]
      .map((r) => [...r.childNodes].map((n) => (n.nodeName === 'w:br' ? '\n' : n.nodeName === 'w:t' ? n.textContent : '')).join(''))
      .join('');
    return {
      style: attr('w:pStyle'),
      text,
      eastAsiaFont: attr('w:rFonts', 'w:eastAsia'),
      size: Number(attr('w:sz') || 0),
      align: attr('w:jc'),
    };
  });
  return { files, xml, paragraphs };
}

/**
 * The user guide's markdown (docs/huong-dan/) read into blocks the guide page draws. Only what the
 * guide uses is understood: headings, paragraphs, lists, quotes, tables, pictures on a line of their
 * own; inside a line, bold, code, links and pictures. Everything else stays text, so nothing in a
 * chapter can become markup on the page.
 */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly string[][] }
  | { readonly kind: 'image'; readonly alt: string; readonly src: string };

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold'; readonly children: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] }
  | { readonly kind: 'image'; readonly alt: string; readonly src: string };

const HEADING = /^(#{1,4})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d+[.)]\s+(.*)$/;
const IMAGE_LINE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const heading = HEADING.exec(line);
    const image = IMAGE_LINE.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4, text: heading[2]! });
    } else if (image) {
      flush();
      blocks.push({ kind: 'image', alt: image[1]!, src: image[2]! });
    } else if (line.startsWith('>')) {
      flush();
      const quote: string[] = [];
      for (; i < lines.length && lines[i]!.trim().startsWith('>'); i++) {
        quote.push(lines[i]!.trim().replace(/^>\s?/, ''));
      }
      i--;
      blocks.push({ kind: 'quote', text: quote.join(' ') });
    } else if (line.startsWith('|') && TABLE_RULE.test(lines[i + 1]?.trim() ?? '')) {
      flush();
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) rows.push(cells(lines[i]!));
      i--;
      blocks.push({ kind: 'table', head, rows });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      flush();
      const ordered = NUMBERED.test(line);
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const raw = lines[i]!;
        const item = marker.exec(raw.trim());
        if (item && !/^\s{2,}/.test(raw)) items.push(item[1]!);
        // An indented line continues the item above it (a wrapped line of the same item).
        else if (/^\s{2,}\S/.test(raw) && items.length) items[items.length - 1] += ` ${raw.trim()}`;
        else break;
      }
      i--;
      blocks.push({ kind: 'list', ordered, items });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

const INLINE = /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|`([^`]+)`/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) out.push({ kind: 'text', text: text.slice(at, m.index) });
    if (m[2] !== undefined) out.push({ kind: 'image', alt: m[1]!, src: m[2] });
    else if (m[4] !== undefined) out.push({ kind: 'link', href: m[4], children: parseInline(m[3]!) });
    else if (m[5] !== undefined) out.push({ kind: 'bold', children: parseInline(m[5]) });
    else out.push({ kind: 'code', text: m[6]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Where a link of a chapter leads in the app: another chapter, a page of the web, or nowhere. */
export type LinkTarget =
  | { readonly kind: 'chapter'; readonly path: string }
  | { readonly kind: 'external'; readonly href: string }
  | { readonly kind: 'none' };

export const GUIDE_PATH = '/huong-dan';

export function linkTarget(href: string): LinkTarget {
  if (/^https?:\/\//.test(href)) return { kind: 'external', href };
  const chapter = /^(?:\.\/)?([a-z0-9-]+|README)\.md(?:#.*)?$/.exec(href);
  if (chapter) {
    return { kind: 'chapter', path: chapter[1] === 'README' ? GUIDE_PATH : `${GUIDE_PATH}/${chapter[1]}` };
  }
  // A file of the repository (the README, the developer docs) is not part of the app.
  return { kind: 'none' };
}

/** The chapter's name from its path in the repository: `.../docs/huong-dan/03-to-bau-cu.md` → `03-to-bau-cu`. */
export const chapterName = (path: string) => path.replace(/^.*\//, '').replace(/\.md$/, '');

/** The skeleton of meeting minutes: header, title, opening, numbered sections, closing, signatures. */
import { b, p, type Block, type DocumentModel, type Inline, type SignatureBlock } from '../model';
import { meta, minutesHeader, type MinutesHead } from './common';

export interface MinutesSection {
  readonly heading: string;
  readonly lines: readonly (string | readonly Inline[])[];
  readonly after?: readonly Block[];
}

export interface MinutesCore {
  readonly head: MinutesHead;
  readonly title: string;
  readonly subject?: string;
  readonly opening: string;
  readonly sections: readonly MinutesSection[];
  readonly closing: string;
  readonly signatures: readonly SignatureBlock[];
}

export function buildMinutesCore(d: MinutesCore): DocumentModel {
  const blocks: Block[] = [
    minutesHeader(d.head),
    { kind: 'title', text: d.title, subtitle: d.subject ? [d.subject] : [] },
    p(d.opening),
  ];
  d.sections.forEach((s, n) => {
    blocks.push(p([b(`${n + 1}. ${s.heading}`)]));
    for (const line of s.lines) blocks.push(p(typeof line === 'string' ? [line] : line));
    blocks.push(...(s.after ?? []));
  });
  blocks.push(p(d.closing), { kind: 'signatures', blocks: d.signatures });
  return { meta: meta(`${d.title} ${d.subject ?? ''}`.trim(), d.head.date, d.head.year), blocks };
}

export function chairAndSecretary(secretary?: string, chair?: string): SignatureBlock[] {
  return [
    { title: 'THƯ KÝ', note: '(Ký, ghi rõ họ tên)', name: secretary },
    { title: 'CHỦ TRÌ', note: '(Ký, ghi rõ họ tên)', name: chair },
  ];
}

/** A table of votes on each person: agree count and its ratio against the stated base. */
export function votesTable(
  rows: readonly { readonly name: string; readonly agree: number }[],
  baseLabel: string,
  ratioOf: (n: number) => string,
): Block {
  return {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Họ và tên', width: 3, align: 'left' },
      { header: 'Số người tán thành', width: 1.5, align: 'center' },
      { header: `Tỷ lệ % so với ${baseLabel}`, width: 2.2, align: 'center' },
    ],
    rows: rows.map((r, n) => [String(n + 1), r.name, String(r.agree), ratioOf(r.agree)]),
  };
}

/**
 * The body shared by every count record (Mẫu 02 election count, Mẫu 04 household opinion count,
 * removal count): who counted, who witnessed, the totals with their numbers in words, the votes and
 * ratio per candidate, the conclusion, the copies and the signatures. Blank values print dotted
 * lines, so the same builder gives the blank record handed to the team on polling day.
 */
import { b, p, type Block, type DocumentModel, type SignatureBlock } from '../model';
import { numberToWords, padNumber } from '../words';
import { count, fillLine, meta, minutesHeader, ratio, type MinutesHead } from './common';

export interface CountFigure {
  readonly label: string;
  readonly value: number | null;
}

export interface CountRow {
  readonly name: string;
  readonly votes: number | null;
}

export interface CountCore {
  readonly head: MinutesHead;
  readonly title: string;
  readonly subject: string;
  readonly opening: string;
  /** "Ban kiểm phiếu gồm:" / "Tổ bầu cử gồm:". */
  readonly teamLabel: string;
  /** Names with roles; `null` entries print blank lines (the form has a fixed number of lines). */
  readonly team: readonly ({ readonly name: string; readonly role: string } | null)[];
  readonly witnesses: readonly (string | null)[];
  readonly witnessLabel: string;
  readonly figures: readonly CountFigure[];
  readonly invalidReasons?: readonly CountFigure[];
  /** Column header for the votes: "Số phiếu bầu", "Số phiếu tán thành". */
  readonly votesHeader: string;
  readonly rows: readonly CountRow[];
  /** Base of the ratio column and how the record names it; the profile decides which total. */
  readonly ratioBase: number | null;
  readonly ratioLabel: string;
  /** Interruptions of polling day, one line each; an empty list states there was none. */
  readonly interruptions?: readonly string[];
  readonly conclusion: string | null;
  readonly endTime: string | null;
  /** "03 bản có giá trị như nhau: 01 bản gửi ..." */
  readonly copies: string;
  readonly signatures: readonly SignatureBlock[];
}

function figureLine(f: CountFigure, n: number): Block {
  if (f.value === null) return fillLine(`${n}. ${f.label}:`);
  return p([`${n}. ${f.label}: `, b(padNumber(f.value)), ` (bằng chữ: ${numberToWords(f.value)}).`], {
    align: 'left',
    indent: true,
  });
}

export function buildCountCore(d: CountCore): DocumentModel {
  const team = d.team.map((m, n) =>
    m ? p(`${n + 1}. ${m.name} - ${m.role}`, { align: 'left', indent: true }) : fillLine(`${n + 1}.`),
  );
  const witnesses = d.witnesses.map((w, n) =>
    w ? p(`${n + 1}. ${w}`, { align: 'left', indent: true }) : fillLine(`${n + 1}.`),
  );
  const invalid = (d.invalidReasons ?? []).map((r) =>
    r.value === null
      ? fillLine(`+ ${r.label}:`)
      : p(`+ ${r.label}: ${count(r.value)} phiếu.`, { align: 'left', indent: true }),
  );
  const table: Block = {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Họ và tên', width: 2.6, align: 'left' },
      { header: d.votesHeader, width: 1.2, align: 'center' },
      { header: 'Bằng chữ', width: 2.6, align: 'left' },
      { header: `Tỷ lệ % so với ${d.ratioLabel}`, width: 1.9, align: 'center' },
    ],
    minRowHeight: 8,
    rows: d.rows.map((r, n) => [
      String(n + 1),
      r.name,
      r.votes === null ? '' : String(r.votes),
      r.votes === null ? '' : numberToWords(r.votes),
      r.votes === null ? '' : ratio(r.votes, d.ratioBase),
    ]),
  };
  const blocks: Block[] = [
    minutesHeader(d.head),
    { kind: 'title', text: d.title, subtitle: [d.subject] },
    p(d.opening),
    p([b(d.teamLabel)]),
    ...team,
    p([b(d.witnessLabel)]),
    ...witnesses,
    p([b('Kết quả kiểm phiếu như sau:')]),
    ...d.figures.map((f, n) => figureLine(f, n + 1)),
    ...invalid,
    p([b(`${d.figures.length + 1}. Số phiếu cho mỗi người:`)], { align: 'left', indent: true }),
    table,
    ...interruptionBlocks(d.interruptions),
    d.conclusion ? p([b('Kết luận: '), d.conclusion]) : fillLine([b('Kết luận: ')]),
    ...(d.conclusion ? [] : [fillLine()]),
    p(
      `Việc kiểm phiếu kết thúc vào lúc ${d.endTime ?? '…… giờ …… phút'} cùng ngày. Biên bản được lập thành ${d.copies}`,
    ),
    { kind: 'signatures', blocks: d.signatures },
  ];
  return { meta: meta(`${d.title} ${d.subject}`, d.head.date, d.head.year), blocks };
}

function interruptionBlocks(lines: readonly string[] | undefined): Block[] {
  if (lines === undefined) return [];
  if (lines.length === 0) return [p('Trong thời gian bỏ phiếu không có việc tạm dừng.')];
  return [
    p([b('Những việc tạm dừng trong thời gian bỏ phiếu:')]),
    ...lines.map((x) => p(`- ${x}`, { align: 'left', indent: true })),
  ];
}

/** "Tổng số ...: N" lines: a number or a blank. */
export function figure(label: string, value: number | null | undefined): CountFigure {
  return { label, value: value ?? null };
}

export { count };

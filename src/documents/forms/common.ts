/**
 * Data shapes and skeletons shared by the forms: the issuing body, the signer, a decision
 * (Căn cứ ... QUYẾT ĐỊNH: Điều 1 ...), a set of minutes. Every wording a locality may change or a
 * law dictates (legal bases, thresholds, duties) arrives in the data.
 */
import {
  b,
  heading,
  p,
  type Block,
  type CivilDate,
  type DocumentModel,
  type Inline,
  type SignatureBlock,
} from '../model';
import { numberToWords, orBlank, padNumber, percent } from '../words';

/** The body a document comes from: "ỦY BAN NHÂN DÂN / PHƯỜNG 2", optionally under a parent. */
export interface IssuingBody {
  readonly parent?: readonly string[];
  readonly lines: readonly string[];
}

export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
  readonly authority?: readonly string[];
  readonly title: string;
  readonly name?: string;
  readonly note?: string;
}

/** What an issued administrative document carries besides its content. */
export interface Issue {
  readonly body: IssuingBody;
  /** Number in the issuing body's register; null leaves it blank (draft). */
  readonly number: number | null;
  /** "QĐ-UBND", "KH-UBND", "BC-UBND". */
  readonly symbol: string;
  readonly place: string;
  /** Date of issue; null prints a blank date line. */
  readonly date: CivilDate | null;
  /** Year printed on a blank date line, and used for the file date of a blank form. */
  readonly year?: number;
  readonly recipients: readonly string[];
  readonly signer: Signer;
}

/** A person as records name them: "Ông Lê Thanh Bình". */
export interface Person {
  /** "Ông" or "Bà". */
  readonly honorific?: string;
  readonly name: string;
}

export function personText(x: Person | undefined | null, blankWidth = 30): string {
  if (!x) return `Ông (bà) ${orBlank(null, blankWidth)}`;
  return `${x.honorific ?? 'Ông (bà)'} ${x.name.normalize('NFC')}`;
}

/** The election a document belongs to. */
export interface ElectionRef {
  /** The hamlet as written in running text: "khu phố 1". */
  readonly hamlet: string;
  /** The position: "Khu phố trưởng", "Trưởng thôn". */
  readonly position: string;
  /** "2024-2027". */
  readonly term: string;
}

export function electionPhrase(e: ElectionRef): string {
  return `${e.position} ${e.hamlet}, nhiệm kỳ ${e.term}`;
}

export function signerBlock(s: Signer): SignatureBlock {
  return { authority: s.authority, title: s.title, name: s.name, note: s.note };
}

export function fileDate(date: CivilDate | null, year?: number): CivilDate {
  return date ?? `${year ?? 2000}-01-01`;
}

export function meta(title: string, date: CivilDate | null, year?: number): DocumentModel['meta'] {
  return { title, date: fileDate(date, year), author: 'baucoso' };
}

export function issueHeader(issue: Issue, extra: { summary?: string; formLabel?: string } = {}): Block {
  return {
    kind: 'header',
    parentBody: issue.body.parent,
    issuingBody: issue.body.lines,
    number: { number: issue.number, symbol: issue.symbol },
    placeDate: { place: issue.place, date: issue.date, year: issue.year },
    ...extra,
  };
}

export interface Article {
  readonly text: string | readonly Inline[];
  /** Points under the article ("- Lập và niêm yết danh sách cử tri ..."). */
  readonly items?: readonly string[];
  readonly after?: readonly Block[];
}

export interface DecisionParts {
  readonly issue: Issue;
  /** The body that decides, as the line above "QUYẾT ĐỊNH:": "ỦY BAN NHÂN DÂN PHƯỜNG 2" or "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG 2". */
  readonly authority: string;
  /** "Căn cứ ...;" and "Xét đề nghị ...;" lines. */
  readonly legalBases: readonly string[];
}

/** A decision (quyết định cá biệt) in the ND30 layout. */
export function decision(parts: DecisionParts, subject: string, articles: readonly Article[]): DocumentModel {
  const { issue } = parts;
  const blocks: Block[] = [
    issueHeader(issue),
    { kind: 'title', text: 'QUYẾT ĐỊNH', subtitle: [subject] },
    { ...heading(parts.authority.toUpperCase()), align: 'center' },
    { kind: 'space', points: 4 },
    { kind: 'basis', lines: parts.legalBases },
    { ...heading('QUYẾT ĐỊNH:'), align: 'center' },
  ];
  const recipients = withExecutorsArticle(issue.recipients, articles);
  articles.forEach((a, n) => {
    const text: readonly Inline[] = typeof a.text === 'string' ? [a.text] : a.text;
    blocks.push(p([b(`Điều ${n + 1}. `), ...text]));
    for (const item of a.items ?? []) blocks.push(p(item));
    blocks.push(...(a.after ?? []));
  });
  blocks.push({ kind: 'signatures', recipients, blocks: [signerBlock(issue.signer)] });
  return { meta: meta(`Quyết định ${subject}`, issue.date, issue.year), blocks };
}

const articleText = (a: Article) =>
  (typeof a.text === 'string' ? [a.text] : a.text).map((x) => (typeof x === 'string' ? x : x.text)).join('');

/**
 * "Nơi nhận: - Như Điều N;" names the article that says who carries the decision out: its number is
 * read from the articles themselves, so a decision with an article more or less cannot point at the
 * wrong one (a team decision's Điều 4 dissolves the team; Điều 5 names who executes it).
 */
function withExecutorsArticle(recipients: readonly string[], articles: readonly Article[]): string[] {
  const n = articles.findIndex((a) => articleText(a).includes('chịu trách nhiệm thi hành'));
  if (n < 0) return recipients.filter((r) => !/^- Như Điều \d+;$/.test(r));
  const line = `- Như Điều ${n + 1};`;
  const rest = recipients.filter((r) => !/^- Như Điều \d+;$/.test(r));
  return [line, ...rest];
}

/** Header of minutes kept by a hamlet-level body: "UBND PHƯỜNG 2 / KHU PHỐ 1", no number. */
export interface MinutesHead {
  readonly body: IssuingBody;
  readonly place: string;
  readonly date: CivilDate | null;
  readonly year?: number;
  readonly formLabel?: string;
}

export function minutesHeader(h: MinutesHead): Block {
  return {
    kind: 'header',
    parentBody: h.body.parent,
    issuingBody: h.body.lines,
    placeDate: { place: h.place, date: h.date, year: h.year },
    formLabel: h.formLabel,
  };
}

/** "312 (ba trăm mười hai)" or a blank to fill in. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? orBlank(null, 16) : `${padNumber(n)} (${numberToWords(n)})`;
}

/** "52,17%" or a blank. */
export function ratio(n: number | null | undefined, of: number | null | undefined): string {
  return n === null || n === undefined || of === null || of === undefined || of <= 0 ? '……%' : percent(n, of);
}

/** A dotted line to fill in by hand, after an optional label. */
export function fillLine(label: string | readonly Inline[] = []): Block {
  return p(typeof label === 'string' ? [label] : label, { fill: true, indent: true, align: 'left' });
}

export function bullet(text: string | readonly Inline[]): Block {
  return p(typeof text === 'string' ? [`- ${text}`] : ['- ', ...text]);
}

/** Signatures of minutes: THƯ KÝ on the left, CHỦ TRÌ on the right, each with its note. */
export function secretaryAndChair(secretary?: string, chair?: string, chairTitle = 'CHỦ TRÌ'): Block {
  return {
    kind: 'signatures',
    blocks: [
      { title: 'THƯ KÝ', note: '(Ký, ghi rõ họ tên)', name: secretary },
      { title: chairTitle, note: '(Ký, ghi rõ họ tên)', name: chair },
    ],
  };
}

/** "hồi 08 giờ 00 phút, ngày 17 tháng 11 năm 2024" or blanks. */
export function momentText(
  time: string | null | undefined,
  date: CivilDate | null | undefined,
  words: { time: (t: string) => string; date: (d: CivilDate) => string },
): string {
  const t = time ? words.time(time) : '…… giờ …… phút';
  const d = date ? words.date(date) : 'ngày …… tháng …… năm ……';
  return `${t}, ${d}`;
}

/** Header without a number (lists, minutes, reports of hamlet-level bodies). */
export function issueHeaderless(
  body: IssuingBody,
  place: string,
  date: CivilDate | null,
  year?: number,
): Block {
  return {
    kind: 'header',
    parentBody: body.parent,
    issuingBody: body.lines,
    placeDate: { place, date, year },
  };
}

/** A "Nơi nhận" list ending with the archive line ND30 requires. */
export function withArchive(items: readonly string[], archive = '- Lưu: VT.'): string[] {
  return [...items, archive];
}

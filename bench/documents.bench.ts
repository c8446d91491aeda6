/**
 * Document throughput and memory: `npx tsx bench/documents.bench.ts [--full]`.
 *
 * 1. Memory, first, while the process is fresh: 2,000 one-page PDFs in one loop that never yields
 *    (peak RSS over the second 1,000 next to the first 1,000), then the same for packs of every form.
 * 2. One-page decisions as PDF, next to raw pdfkit doing what a renderer without shared fonts does
 *    (a fresh document, the four faces registered and parsed in it, the same lines of text in the
 *    same faces), interleaved in rounds so both see the same load.
 * 3. The same decisions as DOCX, and one PDF of 3,000 voter cards.
 * Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import {
  buildRecognitionDecision,
  sampleRecognitionDecision,
} from '../src/documents/forms/recognition-decision';
import { buildVoterCards, sampleVoterCards } from '../src/documents/forms/voter-cards';
import { demoVoters } from '../src/documents/forms/sample-data';
import { FORMS } from '../src/documents/forms/index';
import { FONT_KEYS, fontBuffers } from '../src/documents/pdf-fonts';
import { renderDocx } from '../src/documents/render-docx';
import { renderPdf, renderPdfMany } from '../src/documents/render-pdf';
import { figure } from './format';

const full = process.argv.includes('--full');
const MiB = 1024 * 1024;

function pages(pdf: Buffer): number {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? '0');
}

const base = sampleRecognitionDecision();
const decision = (n: number) =>
  buildRecognitionDecision({ ...base, issue: { ...base.issue, number: n + 1 } });

/** The decision's lines as poppler reads them: the text the reference writes. */
const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: renderPdf(decision(0)) })
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

/** Raw pdfkit: a fresh document, the four faces parsed in it, the same lines in all four faces. */
function rawPdfkit(): Buffer {
  const doc = new (PDFDocument as unknown as new (o: object) => PDFKit.PDFDocument)({
    size: 'A4',
    compress: true,
    info: { CreationDate: new Date(Date.UTC(2024, 6, 24)) },
  });
  const buffers = fontBuffers();
  for (const key of FONT_KEYS) doc.registerFont(key, buffers[key]);
  lines.forEach((line, n) => {
    doc.font(FONT_KEYS[n % FONT_KEYS.length]!).fontSize(13);
    doc.text(line, 85, 57 + (n % 40) * 18, { lineBreak: false });
  });
  // Read as the renderer did before it collected its own output.
  const chunks: Buffer[] = [];
  doc.end();
  let c: unknown;
  while ((c = doc.read()) !== null) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function timed(count: number, make: (n: number) => Buffer): number {
  const t = performance.now();
  for (let n = 0; n < count; n++) make(n);
  return performance.now() - t;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Peak RSS over the first and over the second half of `count` documents made in one loop that
 * never yields: flat memory gives two equal peaks, memory kept per document a second one that grows
 * with the count.
 */
function memoryLoop(count: number, make: (n: number) => Buffer): { early: number; peak: number } {
  let early = 0;
  let peak = 0;
  for (let n = 0; n < count; n++) {
    make(n);
    const rss = process.memoryUsage.rss();
    if (n < count / 2) early = Math.max(early, rss);
    else peak = Math.max(peak, rss);
  }
  return { early, peak };
}

async function main(): Promise<void> {
  renderPdf(decision(0));
  const loop = memoryLoop(2000, (n) => renderPdf(decision(n)));
  console.log(
    `2,000 PDFs in one loop: peak RSS ${(loop.early / MiB).toFixed(0)} MiB over the first 1,000, ${(loop.peak / MiB).toFixed(0)} MiB over the next 1,000`,
  );
  figure({
    name: 'documents, peak RSS over PDFs 1,001-2,000 of one loop',
    value: loop.peak / MiB,
    unit: 'MiB',
    reference: { name: 'peak over the first 1,000', value: loop.early / MiB, unit: 'MiB' },
    goals: [{ kind: 'max', value: 1.1, on: 'ratio' }],
  });

  // Every form of the polling-day pack and the rest, one PDF per pack, as a commune prints them.
  const pack = FORMS.map((f) => f.build(f.sample()));
  const packPdf = renderPdfMany(pack, pack[0]!.meta);
  const packs = full ? 200 : 60;
  const packLoop = memoryLoop(packs, () => renderPdfMany(pack, pack[0]!.meta));
  console.log(
    `${packs} packs of ${pack.length} documents (${pages(packPdf)} pages each) in one loop: peak RSS ${(packLoop.early / MiB).toFixed(0)} MiB over the first half, ${(packLoop.peak / MiB).toFixed(0)} MiB over the second`,
  );
  figure({
    name: `documents, peak RSS over the second half of ${packs} packs of every form in one loop`,
    value: packLoop.peak / MiB,
    unit: 'MiB',
    reference: { name: 'peak over the first half', value: packLoop.early / MiB, unit: 'MiB' },
    goals: [{ kind: 'max', value: 1.1, on: 'ratio' }],
  });

  const rounds = full ? 5 : 3;
  const perRound = full ? 200 : 100;
  await settle();
  rawPdfkit();
  let ours = 0;
  let raw = 0;
  for (let r = 0; r < rounds; r++) {
    ours += timed(perRound, (n) => renderPdf(decision(n)));
    await settle();
    raw += timed(perRound, () => rawPdfkit());
    await settle();
  }
  const count = rounds * perRound;
  console.log(
    `${count} one-page decisions: ${(ours / count).toFixed(1)} ms each; raw pdfkit, fonts parsed per document: ${(raw / count).toFixed(1)} ms each`,
  );
  const pdfRate = { value: (count / ours) * 1000, unit: 'documents/s' };
  figure({
    name: 'documents, one-page decision as PDF',
    ...pdfRate,
    reference: {
      name: 'raw pdfkit, fonts parsed per document',
      value: (count / raw) * 1000,
      unit: 'documents/s',
    },
    goals: [{ kind: 'min', value: 5, on: 'ratio' }],
  });

  let t = performance.now();
  for (let n = 0; n < 1000; n++) await renderDocx(decision(n));
  const docxMs = performance.now() - t;
  figure({
    name: 'documents, the same decision as DOCX',
    value: (1000 / docxMs) * 1000,
    unit: 'documents/s',
    reference: { name: 'as PDF', ...pdfRate },
  });

  const voters = demoVoters('Khu phố 1', 30, 100).map((v) => ({
    rollNumber: v.rollNumber,
    name: v.name,
    group: v.group,
  }));
  t = performance.now();
  const cards = renderPdf(buildVoterCards({ ...sampleVoterCards(), voters }));
  const cardMs = performance.now() - t;
  const cardPages = pages(cards);
  figure({
    name: `documents, one PDF of ${voters.length.toLocaleString('en-US')} voter cards (${cardPages} pages)`,
    value: (cardPages / cardMs) * 1000,
    unit: 'pages/s',
    reference: { name: 'one-page decisions as PDF', value: pdfRate.value, unit: 'pages/s' },
  });
}

await main();

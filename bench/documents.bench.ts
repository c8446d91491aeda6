/**
 * Document throughput: `npx tsx bench/documents.bench.ts`. Prints pages per second for 1,000
 * single-page documents and for one 3,000-card voter-card PDF; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  buildRecognitionDecision,
  sampleRecognitionDecision,
} from '../src/documents/forms/recognition-decision';
import { buildVoterCards, sampleVoterCards } from '../src/documents/forms/voter-cards';
import { demoVoters } from '../src/documents/forms/sample-data';
import { renderDocx } from '../src/documents/render-docx';
import { renderPdf } from '../src/documents/render-pdf';
import { figure } from './format';

function pages(pdf: Buffer): number {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? '0');
}

function report(label: string, pageCount: number, ms: number, bytes: number): void {
  const rate = (pageCount / ms) * 1000;
  console.log(
    `${label}: ${pageCount} pages in ${(ms / 1000).toFixed(2)} s = ${rate.toFixed(1)} pages/s (${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
  );
}

async function main(): Promise<void> {
  const base = sampleRecognitionDecision();
  // Warm up fonts and caches so the figures measure steady state.
  renderPdf(buildRecognitionDecision(base));

  let t = performance.now();
  let bytes = 0;
  let pageCount = 0;
  for (let n = 0; n < 1000; n++) {
    const pdf = renderPdf(buildRecognitionDecision({ ...base, issue: { ...base.issue, number: n + 1 } }));
    bytes += pdf.length;
    if (n === 0) pageCount = pages(pdf);
  }
  const pdfMs = performance.now() - t;
  report('1,000 single-page decisions, PDF', pageCount * 1000, pdfMs, bytes);
  const pdfRate = { name: '1,000 one-page PDFs', value: (pageCount * 1000 * 1000) / pdfMs, unit: 'pages/s' };
  figure({ ...pdfRate, name: 'documents, 1,000 one-page decisions as PDF' });

  t = performance.now();
  bytes = 0;
  for (let n = 0; n < 1000; n++)
    bytes += (
      await renderDocx(buildRecognitionDecision({ ...base, issue: { ...base.issue, number: n + 1 } }))
    ).length;
  const docxMs = performance.now() - t;
  figure({
    name: 'documents, the same 1,000 decisions as DOCX',
    value: (1000 / docxMs) * 1000,
    unit: 'documents/s',
  });
  console.log(
    `1,000 single-page decisions, DOCX: ${(docxMs / 1000).toFixed(2)} s = ${((1000 / docxMs) * 1000).toFixed(1)} documents/s (${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
  );

  const voters = demoVoters('Khu phố 1', 30, 100).map((v) => ({
    rollNumber: v.rollNumber,
    name: v.name,
    group: v.group,
  }));
  t = performance.now();
  const cards = renderPdf(buildVoterCards({ ...sampleVoterCards(), voters }));
  const cardMs = performance.now() - t;
  const cardPages = pages(cards);
  report(`one PDF of ${voters.length} voter cards`, cardPages, cardMs, cards.length);
  // Reference: the one-page PDFs above (a fresh document, font included, per page).
  figure({
    name: `documents, one PDF of ${voters.length.toLocaleString('en-US')} voter cards (${cardPages} pages)`,
    value: (cardPages / cardMs) * 1000,
    unit: 'pages/s',
    reference: pdfRate,
  });
}

await main();

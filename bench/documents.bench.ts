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
  report('1,000 single-page decisions, PDF', pageCount * 1000, performance.now() - t, bytes);

  t = performance.now();
  bytes = 0;
  for (let n = 0; n < 1000; n++)
    bytes += (
      await renderDocx(buildRecognitionDecision({ ...base, issue: { ...base.issue, number: n + 1 } }))
    ).length;
  const docxMs = performance.now() - t;
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
  report(`one PDF of ${voters.length} voter cards`, pages(cards), performance.now() - t, cards.length);
}

await main();

/**
 * Render every form's sample to OUTDIR as PDF and DOCX, to look at them:
 *   npx tsx scripts/render-samples.ts OUTDIR [form-id ...]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMS } from '../src/documents/forms/index';
import { renderDocx } from '../src/documents/render-docx';
import { renderPdf } from '../src/documents/render-pdf';

async function main(): Promise<void> {
  const [outDir, ...only] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: npx tsx scripts/render-samples.ts OUTDIR [form-id ...]');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const form of FORMS) {
    if (only.length > 0 && !only.includes(form.id)) continue;
    const model = form.build(form.sample());
    writeFileSync(join(outDir, `${form.id}.pdf`), renderPdf(model));
    writeFileSync(join(outDir, `${form.id}.docx`), await renderDocx(model));
    console.log(`${form.id}: ${form.title}`);
  }
}

await main();

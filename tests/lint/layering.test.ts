import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { expect, it } from 'vitest';

// The layering of docs/architecture.md is enforced by eslint.config.js; these cases prove the rule
// fires, so a refactor of the config cannot silently switch it off.
// Type-aware rules are switched off here: the snippets are not files of the TypeScript project.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

it('forbids src/domain from importing the store or Node APIs', async () => {
  expect(
    await importErrors(
      'src/domain/count/x.ts',
      "import { openStore } from '../../store';\nexport const x = openStore;\n",
    ),
  ).toHaveLength(1);
  expect(
    await importErrors(
      'src/domain/count/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ),
  ).toHaveLength(1);
});

it('forbids the server from reaching past the services into the store', async () => {
  const errors = await importErrors(
    'src/server/x.ts',
    "import { openStore } from '../store';\nexport const x = openStore;\n",
  );
  expect(errors[0]).toContain('layering');
});

it('forbids the web app from importing server code', async () => {
  expect(
    await importErrors(
      'src/web/shared/x.ts',
      "import { buildServer } from '../../server/app';\nexport const x = buildServer;\n",
    ),
  ).toHaveLength(1);
});

it('allows services to use the store and the domain', async () => {
  expect(
    await importErrors(
      'src/services/x.ts',
      "import { openStore } from '../store';\nimport { ok } from '../domain/result';\nexport const x = [openStore, ok];\n",
    ),
  ).toEqual([]);
});

it('lets a feature of src/services import another only through its index', async () => {
  expect(
    await importErrors(
      'src/services/count/x.ts',
      "import { loadPollingElection } from '../polling/access';\nexport const x = loadPollingElection;\n",
    ),
  ).toHaveLength(1);
  expect(
    await importErrors(
      'src/services/count/x.ts',
      "import { loadPollingElection } from '../polling';\nimport { ok } from '../../domain/result';\nexport const x = [loadPollingElection, ok];\n",
    ),
  ).toEqual([]);
});

it('keeps the server to the services index', async () => {
  expect(
    await importErrors(
      'src/server/x.ts',
      "import { getCount } from '../services/count/result';\nexport const x = getCount;\n",
    ),
  ).toHaveLength(1);
});

it('lets a web feature import another web feature, and the contract, but not a layer of the same name', async () => {
  expect(
    await importErrors(
      'src/web/features/plan/x.tsx',
      "import { ElectionDocuments } from '../documents/ElectionDocuments';\nimport { getProfile } from '../../../contract/rules';\nexport const x = [ElectionDocuments, getProfile];\n",
    ),
  ).toEqual([]);
  expect(
    await importErrors(
      'src/web/features/plan/x.tsx',
      "import { renderPdf } from '../../../documents/render-pdf';\nexport const x = renderPdf;\n",
    ),
  ).toHaveLength(1);
});

it('tells a layer from a contract module of the same name', async () => {
  // src/contract/documents.ts is the documents feature's contract, not the src/documents layer.
  expect(
    await importErrors(
      'src/server/routes/x.ts',
      "import * as contract from '../../contract/documents';\nexport const x = contract;\n",
    ),
  ).toEqual([]);
  expect(
    await importErrors(
      'src/contract/x.ts',
      "import { documentInfo } from './documents';\nexport const x = documentInfo;\n",
    ),
  ).toEqual([]);
  expect(
    await importErrors(
      'src/web/features/plan/x.tsx',
      "import * as contract from '../../../contract/documents';\nexport const x = contract;\n",
    ),
  ).toEqual([]);
  expect(
    await importErrors(
      'src/server/routes/x.ts',
      "import { renderPdf } from '../../documents/render-pdf';\nexport const x = renderPdf;\n",
    ),
  ).toHaveLength(1);
  expect(
    await importErrors(
      'src/contract/x.ts',
      "import { renderPdf } from '../documents/render-pdf';\nexport const x = renderPdf;\n",
    ),
  ).toHaveLength(1);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { databaseConfigFromEnv, migrateToLatest, openStore } from '../../src/store';
import { createContext, demo, territory } from '../../src/services';
import { aCommuneOfficer } from '../support/actors';

it('a second start reuses the SQLite file and keeps what the user entered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baucoso-restart-'));
  const config = databaseConfigFromEnv({ BAUCOSO_DATA_DIR: dir });
  expect(config).toEqual({ kind: 'sqlite', file: `${dir}/baucoso.sqlite` });

  const first = openStore(config);
  await migrateToLatest(first);
  await demo.loadDemo(createContext(first));
  const added = await territory.createHamlet(createContext(first), aCommuneOfficer('24820'), '24820', {
    name: 'Khu phố 6',
    kind: 'khu-pho',
  });
  expect(added.ok).toBe(true);
  await first.close();

  const second = openStore(config);
  const report = await migrateToLatest(second);
  expect(report.applied).toEqual([]);
  const again = await demo.loadDemo(createContext(second));
  expect(again.created).toBe(false);
  const ward = await territory.getCommune(createContext(second), aCommuneOfficer('24820'), '24820');
  expect(ward.ok && ward.value.hamlets.map((h) => h.name)).toContain('Khu phố 6');
  await second.close();
});

it('reads DATABASE_URL before the data folder, and refuses a URL that is not PostgreSQL', () => {
  expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://u:p@h/db', BAUCOSO_DATA_DIR: '/x' })).toEqual({
    kind: 'postgres',
    url: 'postgres://u:p@h/db',
    // The data folder still holds the audit checkpoints, outside the database.
    dataDir: '/x',
  });
  expect(databaseConfigFromEnv({})).toEqual({ kind: 'sqlite', file: './data/baucoso.sqlite' });
  expect(() => databaseConfigFromEnv({ DATABASE_URL: 'mysql://h/db' })).toThrow(/postgres/);
});

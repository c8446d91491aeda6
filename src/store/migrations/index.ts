import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-documents';
import * as m0003 from './0003-voter-roll';
import * as m0004 from './0004-preparation';
import * as m0005 from './0005-form-templates';
import * as m0006 from './0006-polling';
import * as m0007 from './0007-auth-hardening';
import * as m0008 from './0008-voter-roll-more';
import * as m0009 from './0009-office';
import * as m0011 from './0011-totp';
import * as m0012 from './0012-polling-day';
import * as m0013 from './0013-document-date';
import * as m0014 from './0014-hamlet-history';
import * as m0019 from './0019-meeting-agenda';
import * as m0015 from './0015-hamlet-facts';
import * as m0016 from './0016-edit-versions';
import * as m0017 from './0017-scale-indexes';

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': m0001,
  '0002-documents': m0002,
  '0003-voter-roll': m0003,
  '0004-preparation': m0004,
  '0005-form-templates': m0005,
  '0006-polling': m0006,
  '0007-auth-hardening': m0007,
  '0008-voter-roll-more': m0008,
  '0009-office': m0009,
  '0011-totp': m0011,
  '0012-polling-day': m0012,
  '0013-document-date': m0013,
  '0014-hamlet-history': m0014,
  '0019-meeting-agenda': m0019,
  '0015-hamlet-facts': m0015,
  '0016-edit-versions': m0016,
  '0017-scale-indexes': m0017,
};

/** The newest migration: what /api/health reports on an up-to-date database. */
export const latestMigration = Object.keys(migrations).sort().at(-1) ?? null;

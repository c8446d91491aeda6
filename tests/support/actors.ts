import type { Actor } from '../../src/services';

/** Builders for actors of each role, scoped as the tests need. */
export const anAdmin = (): Actor => ({
  userId: 'u-admin',
  username: 'admin',
  displayName: 'Admin',
  role: 'admin',
  scope: { kind: 'all' },
});
export const aCommuneOfficer = (communeId: string): Actor => ({
  userId: 'u-officer',
  username: 'officer',
  displayName: 'Cán bộ',
  role: 'communeOfficer',
  scope: { kind: 'commune', id: communeId },
});
export const aProvinceViewer = (provinceCode: string): Actor => ({
  userId: 'u-viewer',
  username: 'viewer',
  displayName: 'Người xem',
  role: 'provinceViewer',
  scope: { kind: 'province', id: provinceCode },
});
export const aTeamMember = (electionId: string): Actor => ({
  userId: 'u-team',
  username: 'team',
  displayName: 'Tổ bầu cử',
  role: 'teamMember',
  scope: { kind: 'election', id: electionId },
});

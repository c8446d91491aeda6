/** The roles of the foundation issue; each is scoped to a part of the territory. */
export const roles = ['admin', 'communeOfficer', 'frontOfficer', 'teamMember', 'provinceViewer'] as const;
export type Role = (typeof roles)[number];

export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'province'; readonly id: string }
  | { readonly kind: 'commune'; readonly id: string }
  | { readonly kind: 'election'; readonly id: string };

/** The logged-in user as the services see them. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: Scope;
}

/** Which scope kind each role must have. */
export const scopeKindOfRole: Readonly<Record<Role, Scope['kind']>> = {
  admin: 'all',
  communeOfficer: 'commune',
  frontOfficer: 'commune',
  teamMember: 'election',
  provinceViewer: 'province',
};

export const roleLabels: Readonly<Record<Role, string>> = {
  admin: 'Quản trị hệ thống',
  communeOfficer: 'Cán bộ UBND xã/phường',
  frontOfficer: 'Cán bộ UBMTTQ xã/phường',
  teamMember: 'Thành viên Tổ bầu cử',
  provinceViewer: 'Cán bộ tỉnh (chỉ xem)',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

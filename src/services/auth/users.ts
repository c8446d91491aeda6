import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { elections as electionsRepo, territory as territoryRepo, users as usersRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor, Role } from '../common';
import { isRole, roleLabels, scopeKindOfRole } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { hashPassword, passwordProblem } from './passwords';

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: string;
  /** Commune id, province code or election id, as the role requires; ignored for admin. */
  readonly scopeId?: string | null;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly scopeKind: string;
  readonly scopeId: string | null;
}

function view(u: usersRepo.UserRow): UserView {
  const role = isRole(u.role) ? u.role : 'provinceViewer';
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role,
    roleLabel: roleLabels[role],
    scopeKind: u.scopeKind,
    scopeId: u.scopeId,
  };
}

async function scopeExists(db: Db, role: Role, scopeId: string): Promise<boolean> {
  switch (scopeKindOfRole[role]) {
    case 'all':
      return true;
    case 'province':
      return (await territoryRepo.getProvince(db, scopeId)) !== undefined;
    case 'commune':
      return (await territoryRepo.getCommune(db, scopeId)) !== undefined;
    case 'election':
      return (await electionsRepo.getElection(db, scopeId)) !== undefined;
  }
}

async function validate(
  db: Db,
  input: NewUserInput,
): Promise<Result<{ role: Role; scopeId: string | null }>> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    return err(
      failures.invalid(
        'username',
        'Tên đăng nhập dài 3–40 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch.',
      ),
    );
  }
  if (!input.displayName.trim())
    return err(failures.invalid('displayName', 'Hãy nhập họ và tên người dùng.'));
  const weak = passwordProblem(input.password);
  if (weak) return err(failures.invalid('password', weak));
  if (!isRole(input.role)) {
    return err(
      failures.invalid(
        'role',
        `Vai trò "${input.role}" không tồn tại. Chọn một trong: ${Object.values(roleLabels).join(', ')}.`,
      ),
    );
  }
  const role = input.role;
  const scopeId = scopeKindOfRole[role] === 'all' ? null : (input.scopeId?.trim() ?? '');
  if (scopeId !== null && !(await scopeExists(db, role, scopeId))) {
    return err(
      failures.invalid('scopeId', `Phạm vi "${scopeId}" không tồn tại cho vai trò ${roleLabels[role]}.`),
    );
  }
  if (await usersRepo.findUserByUsername(db, username)) {
    return err(
      failures.conflict('username', `Tên đăng nhập "${username}" đã có người dùng. Hãy chọn tên khác.`),
    );
  }
  return ok({ role, scopeId });
}

/**
 * Creates an account. Only the administrator may do so through the API; `actor` is null when the
 * server's own operator runs `baucoso users add` on the machine.
 */
export async function createUser(
  ctx: ServiceContext,
  actor: Actor | null,
  input: NewUserInput,
): Promise<Result<UserView>> {
  if (actor && actor.role !== 'admin') return err(failures.forbidden('tạo tài khoản người dùng'));
  const checked = await validate(ctx.store.db, input);
  if (!checked.ok) return checked;
  const row: usersRepo.UserRow = {
    id: randomUUID(),
    username: input.username.trim().toLowerCase(),
    displayName: input.displayName.normalize('NFC').trim(),
    passwordHash: await hashPassword(input.password),
    role: checked.value.role,
    scopeKind: scopeKindOfRole[checked.value.role],
    scopeId: checked.value.scopeId,
    disabled: false,
  };
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.insertUser(db, { ...row, createdAt: ctx.now().toISOString() });
    const { passwordHash: _omit, ...safe } = row;
    return {
      value: undefined,
      audit: { action: 'user.create', entity: 'user', entityId: row.id, data: safe },
    };
  });
  return ok(view(row));
}

export async function listUsers(ctx: ServiceContext, actor: Actor): Promise<Result<UserView[]>> {
  if (actor.role !== 'admin') return err(failures.forbidden('xem danh sách người dùng'));
  return ok((await usersRepo.listUsers(ctx.store.db)).map(view));
}

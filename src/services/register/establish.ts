/**
 * Establishing a new hamlet (QĐ 01/2016 Quảng Trị Điều 9–10; TT04 Điều 7–8): a dossier opened with the
 * planned name, kind, area and households, checked against the profile's conditions (minimum households
 * or an exception of Điều 9 k2); then each document of the checklist is recorded (number, date, issuing
 * body, optionally the file). Recording the decision creates the hamlet from its effective date with an
 * "established" change; the officer then appoints its interim head (office-interim.appointInterim).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { EstablishmentArea } from '../../domain/rules/establishment-schema';
import { formatCitation } from '../../domain/rules';
import type { ChecklistItem, EstablishmentStep } from '../../domain/territory';
import {
  AREA_VI,
  ESTABLISHMENT_CHECKLIST,
  STEP_VI,
  checkConditions,
  checklistItem,
  currentStep,
  hamletKinds,
  isHamletKind,
  missingBeforeDecision,
} from '../../domain/territory';
import { register as repo, territory as territoryRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { checkDecision, checkNewName, clean, loadScope, writeChange } from './change-common';
import { loadCommune, loadProfile, vnToday, canDecide } from '../decisions';
import type { EstablishInput, ItemInput } from '../../contract/register';
export type { EstablishInput, ItemInput } from '../../contract/register';

const AREAS = ['plain', 'mountainBorder', 'island'] as const;
const isArea = (s: unknown): s is EstablishmentArea =>
  typeof s === 'string' && (AREAS as readonly string[]).includes(s);

/** Opens the dossier of a new hamlet once its planned households meet the profile's conditions. */
export async function startEstablishment(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: EstablishInput,
): Promise<Result<{ id: string }>> {
  const loaded = await loadScope(ctx, actor, communeId);
  if (!loaded.ok) return loaded;
  const name = checkNewName(loaded.value, input.name, 'name');
  if (!name.ok) return name;
  const open = await repo.listEstablishments(ctx.store.db, communeId);
  if (open.some((e) => e.state === 'open' && e.name.toLowerCase() === name.value.toLowerCase()))
    return err(failures.conflict('name', `Đã có hồ sơ thành lập "${name.value}" đang làm.`));
  if (!isHamletKind(input.kind)) return err(failures.invalid('kind', 'Hãy chọn loại thôn, tổ dân phố.'));
  if (!isArea(input.area))
    return err(failures.invalid('area', 'Hãy chọn khu vực: đồng bằng, miền núi - biên giới, hoặc hải đảo.'));
  if (!Number.isInteger(input.households) || input.households < 1 || input.households > 100_000)
    return err(failures.invalid('households', 'Số hộ gia đình dự kiến phải là số nguyên dương.'));
  const profile = loadProfile(input.profileId);
  if (!profile.ok) return profile;
  const rule = profile.value.establishment;
  const urban = hamletKinds[input.kind].urban;
  const verdict = checkConditions(rule.value, urban, input.area, input.households, input.exception ?? null);
  const cite = `${formatCitation(rule.citation)}${rule.confidence === 'unverified' ? ', chưa xác minh' : ''}`;
  if (!verdict.ok)
    return err({
      code: 'rule',
      field: verdict.reason === 'tooFew' ? 'households' : 'exception',
      message:
        verdict.reason === 'tooFew'
          ? `${hamletKinds[input.kind].label} mới ở khu vực ${AREA_VI[input.area]} cần ít nhất ${verdict.minimum} hộ gia đình (${cite}); dự kiến ${input.households} hộ. Nếu thuộc trường hợp được thấp hơn (QĐ 01/2016 Quảng Trị Điều 9 khoản 2), hãy chọn trường hợp đó; nếu không, hãy ghép cụm dân cư vào thôn, tổ dân phố hiện có (Điều 9 khoản 3).`
          : 'Trường hợp ngoại lệ này không có trong bộ quy tắc đang áp dụng.',
      details: { rule: 'establishment.minHouseholds', citation: cite },
    });
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertEstablishment(trx, {
      id,
      commune_id: communeId,
      name: name.value,
      kind: input.kind,
      area: input.area,
      households: input.households,
      exception: input.exception ?? null,
      profile_id: profile.value.id,
      state: 'open',
      hamlet_id: null,
      created_by: actor.userId,
      created_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: {
        action: 'hamlet.establishment.start',
        entity: 'hamletEstablishment',
        entityId: id,
        data: { ...input, name: name.value },
      },
    };
  });
  return ok({ id });
}

async function loadDossier(ctx: ServiceContext, actor: Actor, id: string) {
  const e = await repo.getEstablishment(ctx.store.db, id);
  if (!e) return err(failures.notFound('hồ sơ thành lập này'));
  const scope = await loadScope(ctx, actor, e.commune_id);
  if (!scope.ok) return scope;
  return ok({ e, scope: scope.value });
}

/** Records one checklist item; the decision item creates the hamlet (one transaction). */
export async function recordItem(
  ctx: ServiceContext,
  actor: Actor,
  establishmentId: string,
  input: ItemInput,
): Promise<Result<{ itemId: string; hamletId: string | null }>> {
  const d = await loadDossier(ctx, actor, establishmentId);
  if (!d.ok) return d;
  const { e, scope } = d.value;
  if (e.state === 'decided')
    return err(failures.conflict('key', `${e.name} đã được thành lập; hồ sơ đã đóng.`));
  const item = checklistItem(input.key);
  if (!item) return err(failures.invalid('key', 'Mục hồ sơ không có trong danh mục.'));
  if (!isCivilDate(input.date)) return err(failures.invalid('date', 'Ngày văn bản không hợp lệ.'));
  if (input.date > scope.today)
    return err(failures.invalid('date', 'Không ghi văn bản có ngày sau hôm nay.'));
  const itemId = randomUUID();
  const at = ctx.now().toISOString();
  const row = {
    id: itemId,
    establishment_id: e.id,
    item_key: item.key,
    number: clean(input.number) || null,
    doc_date: input.date,
    issuing_body: clean(input.issuingBody) || null,
    file_name: null,
    content_type: null,
    bytes: null,
    sha256: null,
    recorded_by: actor.userId,
    recorded_at: at,
  };
  if (item.key !== 'decision') {
    await writeWithAudit(ctx, actor, async (trx) => {
      await repo.upsertItem(trx, row);
      return {
        value: undefined,
        audit: {
          action: 'hamlet.establishment.item',
          entity: 'hamletEstablishment',
          entityId: e.id,
          data: { key: item.key, number: row.number, date: row.doc_date },
        },
      };
    });
    return ok({ itemId, hamletId: null });
  }
  const recorded = (await repo.listItems(ctx.store.db, e.id)).map((i) => i.key);
  const missing = missingBeforeDecision(recorded);
  if (missing.length > 0)
    return err(
      failures.conflict(
        'key',
        `Chưa đủ hồ sơ để ghi quyết định thành lập; còn thiếu: ${missing.map((m) => m.title).join('; ')}.`,
      ),
    );
  const decision = checkDecision(
    {
      decisionNumber: input.number,
      decisionDate: input.date,
      issuingBody: input.issuingBody,
      effectiveOn: input.effectiveOn ?? input.date,
    },
    scope.today,
    'UBND tỉnh',
  );
  if (!decision.ok) return decision;
  const name = checkNewName(scope, e.name, 'name');
  if (!name.ok) return name;
  const hamletId = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.upsertItem(trx, row);
    await territoryRepo.insertHamlet(trx, {
      id: hamletId,
      communeId: e.commune_id,
      name: e.name,
      kind: e.kind,
      createdAt: at,
    });
    await repo.setEstablishmentDecided(trx, e.id, hamletId);
    const changeId = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'established',
        decision: decision.value,
        fromHamletIds: [],
        toHamletId: hamletId,
        nameAfter: e.name,
        createsTarget: true,
        data: { households: e.households, area: e.area, exception: e.exception, establishmentId: e.id },
      },
      [],
    );
    return {
      value: undefined,
      audit: {
        action: 'hamlet.establish',
        entity: 'hamletChange',
        entityId: changeId,
        data: { hamletId, name: e.name, on: decision.value.effectiveOn },
      },
    };
  });
  return ok({ itemId, hamletId });
}

export interface FileInput {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

const MAX_FILE = 10 * 1024 * 1024;

/** Attaches the scanned document to a recorded item. */
export async function attachItemFile(
  ctx: ServiceContext,
  actor: Actor,
  establishmentId: string,
  key: string,
  file: FileInput,
): Promise<Result<{ sha256: string }>> {
  const d = await loadDossier(ctx, actor, establishmentId);
  if (!d.ok) return d;
  const item = (await repo.listItems(ctx.store.db, establishmentId)).find((i) => i.key === key);
  if (!item) return err(failures.invalid('key', 'Hãy ghi số, ngày văn bản trước khi đính kèm tệp.'));
  if (file.bytes.length === 0) return err(failures.invalid('file', 'Tệp rỗng.'));
  if (file.bytes.length > MAX_FILE) return err(failures.invalid('file', 'Tệp lớn quá 10 MB.'));
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = clean(file.fileName).slice(0, 200) || 'van-ban';
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.setItemFile(trx, item.id, {
      fileName,
      contentType: file.contentType.slice(0, 100),
      bytes: file.bytes,
      sha256,
    });
    return {
      value: undefined,
      audit: {
        action: 'hamlet.establishment.file',
        entity: 'hamletEstablishment',
        entityId: establishmentId,
        data: { key, fileName, sha256 },
      },
    };
  });
  return ok({ sha256 });
}

export async function itemFile(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
): Promise<Result<FileInput>> {
  const f = await repo.getItemFile(ctx.store.db, itemId);
  if (!f || !f.bytes) return err(failures.notFound('tệp này'));
  const e = await repo.getEstablishment(ctx.store.db, f.establishmentId);
  const c = await loadCommune(ctx, actor, e!.commune_id, 'read');
  if (!c.ok) return c;
  const bytes = Buffer.from(f.bytes);
  if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
    return err(failures.conflict('file', 'Tệp đã bị thay đổi sau khi lưu: không tải được.'));
  return ok({
    fileName: f.fileName ?? 'van-ban',
    contentType: f.contentType ?? 'application/octet-stream',
    bytes,
  });
}

export interface ChecklistRow extends ChecklistItem {
  readonly stepLabel: string;
  readonly recorded: {
    id: string;
    number: string | null;
    date: string;
    issuingBody: string | null;
    fileName: string | null;
  } | null;
}

export interface EstablishmentView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly area: string;
  readonly areaLabel: string;
  readonly households: number;
  readonly exception: string | null;
  readonly profileId: string;
  readonly state: string;
  readonly step: EstablishmentStep | 'decided';
  readonly stepLabel: string;
  readonly hamletId: string | null;
  readonly conditions: string;
  readonly checklist: ChecklistRow[];
}

export interface EstablishmentsView {
  readonly dossiers: EstablishmentView[];
  readonly today: CivilDate;
  readonly canManage: boolean;
}

export async function listEstablishments(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<EstablishmentsView>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const db = ctx.store.db;
  const dossiers: EstablishmentView[] = [];
  for (const e of await repo.listEstablishments(db, communeId)) {
    const items = await repo.listItems(db, e.id);
    const step = currentStep(items.map((i) => i.key));
    const profile = loadProfile(e.profile_id);
    const rule = profile.ok ? profile.value.establishment : null;
    const kind = isHamletKind(e.kind) ? e.kind : 'thon';
    const area = isArea(e.area) ? e.area : 'plain';
    const minimum = rule ? rule.value.minHouseholds[hamletKinds[kind].urban ? 'urban' : 'rural'][area] : null;
    const exception = rule?.value.lowerAllowedFor.find((x) => x.code === e.exception)?.label ?? null;
    dossiers.push({
      id: e.id,
      name: e.name,
      kind: e.kind,
      kindLabel: hamletKinds[kind].label,
      area: e.area,
      areaLabel: AREA_VI[area],
      households: e.households,
      exception,
      profileId: e.profile_id,
      state: e.state,
      step,
      stepLabel: step === 'decided' ? 'Đã có quyết định thành lập' : STEP_VI[step],
      hamletId: e.hamlet_id,
      conditions: rule
        ? `Tối thiểu ${minimum} hộ (${formatCitation(rule.citation)}${rule.confidence === 'unverified' ? ', chưa xác minh' : ''})${exception ? `; được thấp hơn: ${exception}` : ''}`
        : '',
      checklist: ESTABLISHMENT_CHECKLIST.map((i) => {
        const r = items.find((x) => x.key === i.key);
        return {
          ...i,
          stepLabel: STEP_VI[i.step],
          recorded: r
            ? { id: r.id, number: r.number, date: r.date, issuingBody: r.issuingBody, fileName: r.fileName }
            : null,
        };
      }),
    });
  }
  return ok({ dossiers, today: vnToday(ctx), canManage: canDecide(actor, c.value.place) });
}

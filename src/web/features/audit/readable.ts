/**
 * An audit event as an official reads it: the action and each field in Vietnamese, coded values in
 * words, dates as dd/mm/yyyy, and the software's own keys (ids, hashes, internal codes) left out of
 * the page. The downloaded CSV and XLSX keep every field as stored, for whoever audits the system.
 */
import type { TrailChange } from '../../../contract/audit';
import { vnDate } from '../../shared/format';
import { t } from '../../shared/strings';
import { auditText as ta } from './strings';

/** Fields that only the software reads: internal ids, hashes, positions in the chain, file metadata. */
const TECHNICAL =
  /(^id$|Id$|_id$|Ids$|_ids$|sha256|^seq$|chain_seq|_key$|^version$|verification_code|_at$|_by$|content_type|^size$|^order$|^sources$|^batchId$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Coded values the services write, in the words the pages use elsewhere. */
const CODES: Readonly<Record<string, string>> = {
  true: 'Có',
  false: 'Không',
  male: 'Nam',
  female: 'Nữ',
  permanent: 'Thường trú',
  temporary: 'Tạm trú',
  active: 'Đang cư trú',
  deceased: 'Đã qua đời',
  moved: 'Đã chuyển đi',
  full: 'Đầy đủ',
  restricted: 'Hạn chế',
  none: 'Không',
  leader: 'Tổ trưởng',
  secretary: 'Thư ký',
  member: 'Thành viên',
  witness: 'Người chứng kiến',
  admin: 'Quản trị hệ thống',
  communeOfficer: 'Cán bộ UBND xã/phường',
  frontOfficer: 'Cán bộ MTTQ',
  teamMember: 'Thành viên Tổ bầu cử',
  provinceViewer: 'Cán bộ tỉnh (xem)',
  received: 'Đã nhận',
  queued: 'Chờ xử lý',
  handled: 'Đã giải quyết',
  frontCommittee: 'Ban công tác Mặt trận',
  households: 'Hộ gia đình',
  self: 'Tự ứng cử',
  votersConference: 'Hội nghị cử tri',
  jointConference: 'Hội nghị liên tịch',
  vacancy: 'Khuyết chức danh',
  thon: 'Thôn',
  'khu-pho': 'Khu phố',
  ap: 'Ấp',
  'to-dan-pho': 'Tổ dân phố',
  letter: 'Đơn',
  cv: 'Sơ yếu lý lịch',
  candidate: 'Người ứng cử',
  roll: 'Danh sách cử tri',
  meeting: 'Tại cuộc họp',
  separateBallot: 'Bỏ phiếu riêng',
  householdBallots: 'Phiếu lấy ý kiến hộ gia đình',
  'nd59-2023': 'Quy định toàn quốc (NĐ 59/2023)',
  'quang-tri-2016': 'Quảng Trị (QĐ 01/2016)',
  'tay-ninh-2019': 'Tây Ninh (2019)',
  'kien-giang-2024': 'Kiên Giang (2024)',
};

/** Codes whose words depend on the field: 'head' is the head of household in a relation. */
const FIELD_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  relation: t.relations,
  position: t.positions,
  positions: t.positions,
  state: t.states,
  from: t.states,
  to: t.states,
  fact: { classification: 'Phân loại thôn, tổ dân phố', households: 'Số hộ gia đình' },
};

export function actionLabel(action: string): string {
  const known = ta.actions[action];
  if (known) return known;
  // An action added later: at least the group it belongs to, never the code.
  const group = ta.groups.find(([prefix]) => action.startsWith(prefix));
  return group ? `${group[1]}: ${ta.otherAction}` : ta.otherAction;
}

function isTechnical(c: TrailChange): boolean {
  if (TECHNICAL.test(c.field)) return true;
  const v = c.after ?? c.before ?? '';
  return UUID.test(v) || /^\["[0-9a-f]{8}-/.test(v);
}

/** One stored value in words (`field` picks the codes that depend on it). */
export function valueText(value: string | null, field = ''): string {
  if (value === null || value === '' || value === 'null') return '—';
  const own = FIELD_CODES[field]?.[value];
  if (own) return own;
  if (CODES[value]) return CODES[value];
  if (ISO_DATE.test(value)) return vnDate(value);
  if (ISO_INSTANT.test(value)) return vnDate(value.slice(0, 10));
  if (value.startsWith('[')) {
    try {
      const items = JSON.parse(value) as unknown[];
      if (items.every((x) => typeof x === 'string' || typeof x === 'number'))
        return items.length === 0 ? '—' : items.map((x) => valueText(String(x), field)).join(', ');
    } catch {
      // cut at the length limit: shown as stored
    }
    return ta.details;
  }
  if (value.startsWith('{')) return ta.details;
  return value;
}

/** The changes an official reads: Vietnamese labels, values in words, internal keys left out. */
export function readableChanges(
  changes: readonly TrailChange[],
): { label: string; before: string | null; after: string }[] {
  return changes
    .filter((c) => !isTechnical(c))
    .map((c) => ({
      label: ta.fields[c.field] ?? ta.otherField,
      before: c.before === null ? null : valueText(c.before, c.field),
      after: valueText(c.after, c.field),
    }));
}

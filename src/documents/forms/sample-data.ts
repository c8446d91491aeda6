/**
 * Demo data modelled on seed 000 (Phường 2 plan of 24/07/2024, Khu phố 1..5, term 2024-2027).
 * Officials of section IV of the plan are real names from the seed; residents, candidates and
 * team members are invented for the demo.
 */
import type { ElectionRef, Issue, IssuingBody } from './common';

export const COMMUNE = 'Phường 2';
export const PLACE = 'Phường 2';
export const TERM = '2024-2027';
export const POSITION = 'Khu phố trưởng';
export const ELECTION_DATE = '2024-11-17';

export const UBND: IssuingBody = { lines: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG 2'] };
export const FRONT: IssuingBody = { lines: ['ỦY BAN MTTQVN PHƯỜNG 2'] };

export const CHAIR = { honorific: 'Ông', name: 'Lê Thanh Bình' } as const;
export const VICE_CHAIR = { honorific: 'Ông', name: 'Nguyễn Thuận' } as const;
export const FRONT_CHAIR = { honorific: 'Bà', name: 'Trần Thị Kim Loan' } as const;

export const HAMLETS = ['Khu phố 1', 'Khu phố 2', 'Khu phố 3', 'Khu phố 4', 'Khu phố 5'] as const;

export function hamletBody(hamlet: string): IssuingBody {
  return { parent: ['UBND PHƯỜNG 2'], lines: [hamlet.toUpperCase()] };
}

export function teamBody(hamlet: string): IssuingBody {
  return { parent: ['UBND PHƯỜNG 2'], lines: [`TỔ BẦU CỬ ${hamlet.toUpperCase()}`] };
}

export function frontCommitteeBody(hamlet: string): IssuingBody {
  return { parent: ['ỦY BAN MTTQVN PHƯỜNG 2'], lines: [`BAN CTMT ${hamlet.toUpperCase()}`] };
}

export function election(hamlet = 'Khu phố 1'): ElectionRef {
  return { hamlet: hamlet.toLowerCase(), position: POSITION, term: TERM };
}

export const LEGAL_BASES_ND59 = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
  'Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;',
  'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;',
  'Căn cứ Thông tư số 04/2012/TT-BNV ngày 31 tháng 8 năm 2012 của Bộ Nội vụ hướng dẫn về tổ chức và hoạt động của thôn, tổ dân phố; Thông tư số 14/2018/TT-BNV ngày 03 tháng 12 năm 2018 của Bộ Nội vụ sửa đổi, bổ sung một số điều của Thông tư số 04/2012/TT-BNV;',
];

export function ubndIssue(
  number: number | null,
  symbol: string,
  date: string | null,
  signer: 'committee' | 'chair' | 'vice' = 'committee',
): Issue {
  const signers = {
    committee: { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: CHAIR.name },
    chair: { title: 'CHỦ TỊCH', name: CHAIR.name },
    vice: { authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: VICE_CHAIR.name },
  } as const;
  return {
    body: UBND,
    number,
    symbol,
    place: PLACE,
    date,
    year: 2024,
    recipients: [],
    signer: signers[signer],
  };
}

/** Candidates of Khu phố 1 in the decided order. */
export const CANDIDATES = [
  {
    name: 'Nguyễn Văn An',
    birthDate: '1972-03-15',
    sex: 'Nam',
    residence: 'Tổ 2, Khu phố 1, Phường 2',
    education: '12/12; Trung cấp Quản lý nhà nước',
    occupation: 'Hưu trí; Trưởng ban CTMT khu phố nhiệm kỳ trước',
    partyMember: true,
  },
  {
    name: 'Trần Thị Bích Ngọc',
    birthDate: '1980-09-02',
    sex: 'Nữ',
    residence: 'Tổ 4, Khu phố 1, Phường 2',
    education: '12/12; Cử nhân Luật',
    occupation: 'Kinh doanh; Chi hội trưởng Hội Phụ nữ khu phố',
    partyMember: false,
  },
] as const;

export const TEAM = [
  {
    honorific: 'Ông',
    name: 'Phạm Văn Hùng',
    represents: 'Ban Công tác Mặt trận khu phố 1',
    role: 'Tổ trưởng',
  },
  { honorific: 'Bà', name: 'Lê Thị Thu Hà', represents: 'Chi hội Phụ nữ khu phố 1', role: 'Thư ký' },
  { honorific: 'Ông', name: 'Võ Minh Tâm', represents: 'Chi đoàn Thanh niên khu phố 1', role: 'Thành viên' },
  {
    honorific: 'Ông',
    name: 'Hồ Văn Lực',
    represents: 'Chi hội Cựu chiến binh khu phố 1',
    role: 'Thành viên',
  },
  { honorific: 'Bà', name: 'Đặng Thị Lan', represents: 'Đại diện hộ gia đình khu phố 1', role: 'Thành viên' },
] as const;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Hữu', 'Công', 'Ngọc'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Kim', 'Thị Bích', 'Thị Hồng', 'Thị Mỹ', 'Thị Thanh'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Lực',
  'Nam',
  'Phước',
  'Quang',
  'Sơn',
  'Thành',
  'Thắng',
  'Trung',
  'Tuấn',
  'Vĩnh',
];
const GIVEN_F = [
  'Anh',
  'Châu',
  'Diệu',
  'Dung',
  'Hà',
  'Hằng',
  'Hương',
  'Lan',
  'Liên',
  'Loan',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phượng',
  'Thảo',
  'Thủy',
  'Trang',
  'Uyên',
  'Yến',
];

export interface DemoVoter {
  readonly rollNumber: number;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: 'Nam' | 'Nữ';
  readonly address: string;
  readonly group: string;
}

/** A deterministic demo roll: `perGroup` household representatives in each residents' group. */
export function demoVoters(hamlet: string, groups: number, perGroup: number): DemoVoter[] {
  const out: DemoVoter[] = [];
  let seq = 0;
  for (let g = 1; g <= groups; g++) {
    for (let k = 0; k < perGroup; k++) {
      const n = seq + hamlet.length * 7;
      const female = (n * 7) % 3 === 0;
      const name = [
        FAMILY[(n * 5) % FAMILY.length],
        (female ? MIDDLE_F : MIDDLE_M)[(n * 3) % 8],
        (female ? GIVEN_F : GIVEN_M)[(n * 11) % 20],
      ].join(' ');
      const year = 1945 + ((n * 13) % 58);
      const month = 1 + ((n * 7) % 12);
      const day = 1 + ((n * 17) % 28);
      seq++;
      out.push({
        rollNumber: seq,
        name,
        birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        sex: female ? 'Nữ' : 'Nam',
        address: `Số ${10 + ((n * 29) % 180)}, đường ${['Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Quang Trung'][(n + g) % 5]}`,
        group: `Tổ ${g}`,
      });
    }
  }
  return out;
}

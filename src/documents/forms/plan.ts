/** Kế hoạch tổ chức bầu (plan of the commune People's Committee), modelled on the Phường 2 plan (seed 000). */
import { heading, p, type Block, type DocumentModel, type Inline } from '../model';
import { issueHeader, meta, signerBlock, type Issue, type Person, personText } from './common';
import { CHAIR, COMMUNE, LEGAL_BASES_ND59, TERM, ubndIssue, VICE_CHAIR } from './sample-data';

export interface PlanTask {
  readonly title: string;
  /** Cơ quan chủ trì / đơn vị thực hiện. */
  readonly lead: string;
  /** Cơ quan phối hợp. */
  readonly partners?: readonly string[];
  /** "Trước ngày 20/9/2024", "Tháng 8 năm 2024". */
  readonly deadline: string;
  readonly notes?: readonly string[];
}

export interface PlanUnitDuty {
  readonly unit: string;
  readonly duties: readonly string[];
}

export interface PlanAssignment {
  readonly officials: readonly (Person & { readonly position: string })[];
  readonly duty: string;
  /** Hamlets the officials follow ("khu phố 4", "khu phố 5"). */
  readonly hamlets: readonly string[];
}

export interface PlanData {
  readonly issue: Issue;
  /** "Tổ chức bầu Khu phố trưởng các khu phố, nhiệm kỳ 2024-2027". */
  readonly subject: string;
  readonly legalBases: readonly string[];
  readonly preamble: string;
  readonly purposes: readonly string[];
  readonly requirements: readonly string[];
  readonly timing: readonly string[];
  readonly method: readonly string[];
  readonly tasks: readonly PlanTask[];
  readonly units: readonly PlanUnitDuty[];
  readonly assignments: readonly PlanAssignment[];
  readonly closing: string;
}

const dash = (text: string): Block => p(`- ${text}`);

function taskTable(tasks: readonly PlanTask[]): Block {
  return {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Nội dung công việc', width: 4.2, align: 'left' },
      { header: 'Cơ quan chủ trì', width: 2, align: 'center' },
      { header: 'Cơ quan phối hợp', width: 2, align: 'center' },
      { header: 'Thời gian hoàn thành', width: 1.7, align: 'center' },
    ],
    rows: tasks.map((t, n) => {
      const content: Inline[] = [t.title];
      for (const note of t.notes ?? []) content.push({ text: `\n${note}`, italic: true });
      return [String(n + 1), { runs: content }, t.lead, (t.partners ?? []).join('; ') || '-', t.deadline];
    }),
  };
}

function assignmentText(a: PlanAssignment, n: number): Block {
  const who = a.officials.map((o) => `${personText(o)} - ${o.position}`).join('; ');
  const follow = a.hamlets.length > 0 ? ` Theo dõi, chỉ đạo ${a.hamlets.join(', ')}.` : '';
  return p(`${n + 1}. ${who}: ${a.duty}${follow}`);
}

export function buildPlan(d: PlanData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue),
    { kind: 'title', text: 'KẾ HOẠCH', subtitle: [d.subject] },
    { kind: 'basis', lines: d.legalBases },
    p(d.preamble),
    heading('I. MỤC ĐÍCH, YÊU CẦU'),
    heading('1. Mục đích', 2),
    ...d.purposes.map(dash),
    heading('2. Yêu cầu', 2),
    ...d.requirements.map(dash),
    heading('II. NỘI DUNG THỰC HIỆN'),
    heading('1. Thời gian tổ chức', 2),
    ...d.timing.map(dash),
    heading('2. Hình thức bầu', 2),
    ...d.method.map(dash),
    heading('3. Nội dung công việc, cơ quan chủ trì, phối hợp và thời gian hoàn thành', 2),
    taskTable(d.tasks),
    heading('III. TỔ CHỨC THỰC HIỆN'),
    ...d.units.flatMap((u, n) => [heading(`${n + 1}. ${u.unit}`, 2), ...u.duties.map(dash)]),
    heading('IV. PHÂN CÔNG PHỤ TRÁCH'),
    ...d.assignments.map(assignmentText),
    p(d.closing),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(`Kế hoạch ${d.subject}`, d.issue.date, d.issue.year), blocks };
}

export function samplePlan(): PlanData {
  const lead = `UBND ${COMMUNE}`;
  const front = `UBMTTQVN ${COMMUNE}`;
  return {
    issue: {
      ...ubndIssue(null, 'KH-UBND', '2024-07-24'),
      recipients: [
        '- UBND thị xã (b/c);',
        '- Phòng Nội vụ thị xã (b/c);',
        '- TT Đảng ủy phường;',
        '- Thường trực HĐND phường;',
        '- Chủ tịch, PCT UBND phường;',
        '- BTT UBMTTQVN phường;',
        '- Các ban ngành, đoàn thể phường;',
        '- Bí thư, KPT, TB CTMT 5 khu phố;',
        '- Lưu: VT, VP.',
      ],
    },
    subject: `Tổ chức bầu Khu phố trưởng các khu phố, nhiệm kỳ ${TERM}`,
    legalBases: [
      'Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;',
      LEGAL_BASES_ND59[2] ?? '',
      LEGAL_BASES_ND59[3] ?? '',
    ],
    preamble: `Sau khi thống nhất với Ban Thường trực UBMTTQVN phường, UBND ${COMMUNE} xây dựng kế hoạch tổ chức bầu Khu phố trưởng, nhiệm kỳ ${TERM}, cụ thể như sau:`,
    purposes: [
      'Nhằm tiếp tục tăng cường, củng cố hơn nữa chất lượng hoạt động của khu phố; góp phần nâng cao hiệu lực, hiệu quả quản lý nhà nước ở cơ sở, phát huy quyền làm chủ của Nhân dân và sự lãnh đạo của cấp ủy Đảng trong việc tham gia xây dựng hệ thống chính trị ở khu phố.',
      'Thông qua việc bầu cử để lựa chọn Khu phố trưởng có đủ tài, đức, có uy tín, xứng đáng để tổ chức điều hòa, phối hợp, kiểm tra và đôn đốc thực hiện tốt các công việc ở khu phố.',
    ],
    requirements: [
      'Đảm bảo nguyên tắc Đảng lãnh đạo, Nhà nước quản lý, công khai, minh bạch, dân chủ trong quá trình bầu.',
      `Công tác chuẩn bị chu đáo, tiến hành nghiêm túc, đúng quy trình; lựa chọn những người có uy tín, đáp ứng đủ điều kiện, tiêu chuẩn để giới thiệu ứng cử Khu phố trưởng nhiệm kỳ ${TERM}.`,
    ],
    timing: [`Tổ chức bầu Khu phố trưởng nhiệm kỳ ${TERM} vào tháng 11 năm 2024.`],
    method: [
      'Việc bầu Khu phố trưởng tổ chức tại cuộc họp của cộng đồng dân cư theo quy định tại Điều 3, Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.',
      'Tổ bầu cử (do Chủ tịch UBND phường quyết định thành lập) triệu tập và chủ trì cuộc họp của cộng đồng dân cư để bầu Khu phố trưởng.',
    ],
    tasks: [
      {
        title: 'Xây dựng Kế hoạch tổ chức bầu Khu phố trưởng',
        lead,
        partners: [front],
        deadline: 'Tháng 7 năm 2024',
      },
      {
        title: 'Xây dựng Hướng dẫn nghiệp vụ bầu Khu phố trưởng',
        lead,
        partners: [front],
        deadline: 'Tháng 8 năm 2024',
      },
      {
        title: 'Tổ chức Hội nghị triển khai kế hoạch bầu Khu phố trưởng',
        lead,
        partners: [front],
        deadline: 'Tháng 8 năm 2024',
      },
      {
        title: 'Tổ chức họp Ban công tác Mặt trận dự kiến danh sách người ứng cử Khu phố trưởng',
        lead: 'Trưởng ban CTMT khu phố',
        deadline: 'Trước ngày 20/9/2024',
        notes: ['Lập biên bản theo Mẫu số 05, gửi UBND phường sau cuộc họp 03 ngày.'],
      },
      {
        title: 'Lập danh sách Tổ bầu cử Khu phố trưởng, báo cáo UBND phường',
        lead: 'Trưởng ban CTMT khu phố',
        deadline: 'Trước ngày 20/9/2024',
      },
      {
        title: 'Ban hành Quyết định thành lập Tổ bầu cử Khu phố trưởng',
        lead,
        partners: ['Công chức Văn phòng - Thống kê'],
        deadline: 'Trước ngày 10/10/2024',
      },
      {
        title: 'Niêm yết các Quyết định, danh sách người ứng cử Khu phố trưởng',
        lead: 'Tổ bầu cử',
        deadline: 'Trước ngày 15/10/2024',
        notes: ['Tại nhà văn hóa, nhà sinh hoạt cộng đồng khu phố.'],
      },
      {
        title: 'Tổ chức cuộc họp cộng đồng dân cư bầu Khu phố trưởng',
        lead: 'Tổ bầu cử',
        partners: [lead, front],
        deadline: 'Tháng 11 năm 2024',
      },
      {
        title: 'Xem xét, quyết định công nhận người trúng cử Khu phố trưởng',
        lead,
        deadline: '05 ngày làm việc kể từ ngày nhận được kết quả',
      },
    ],
    units: [
      {
        unit: 'Công chức Văn phòng - Thống kê',
        duties: [
          'Theo dõi, đôn đốc, tổ chức, triển khai thực hiện các nội dung của kế hoạch này; tổng hợp kết quả bầu Khu phố trưởng toàn phường báo cáo cấp trên.',
          'Tham mưu chuẩn bị phiếu bầu (trong trường hợp cuộc họp cộng đồng dân cư lựa chọn phương án bỏ phiếu kín).',
        ],
      },
      {
        unit: 'Ban Thường trực UBMTTQVN phường',
        duties: [
          'Hướng dẫn Ban công tác Mặt trận các khu phố tổ chức họp dự kiến danh sách người ứng cử Khu phố trưởng theo đúng quy định.',
        ],
      },
      {
        unit: 'Công an, BCH Quân sự phường',
        duties: ['Có kế hoạch đảm bảo tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn.'],
      },
      {
        unit: 'Các khu phố',
        duties: [
          'Lập danh sách đại diện các hộ gia đình trong khu phố tham dự cuộc họp cộng đồng dân cư gửi về UBND phường trước ngày 10/10/2024.',
        ],
      },
    ],
    assignments: [
      {
        officials: [{ ...CHAIR, position: 'Chủ tịch UBND phường' }],
        duty: `Chịu trách nhiệm chỉ đạo, điều hành chung công tác bầu Khu phố trưởng nhiệm kỳ ${TERM}.`,
        hamlets: ['khu phố 4', 'khu phố 5'],
      },
      {
        officials: [{ ...VICE_CHAIR, position: 'Phó Chủ tịch UBND phường' }],
        duty: 'Chịu trách nhiệm kiểm tra, đôn đốc công tác bầu Khu phố trưởng.',
        hamlets: ['khu phố 1', 'khu phố 2', 'khu phố 3'],
      },
      {
        officials: [
          { honorific: 'Ông', name: 'Nguyễn Thanh Sơn', position: 'Công chức Văn hóa - Xã hội' },
          { honorific: 'Bà', name: 'Nguyễn Thị Hồng Thủy', position: 'Chủ tịch Hội Chữ thập đỏ' },
        ],
        duty: 'Hỗ trợ công tác bầu Khu phố trưởng khu phố 1.',
        hamlets: [],
      },
      {
        officials: [
          { honorific: 'Bà', name: 'Lê Thị Vũ Ngọc', position: 'Công chức Văn phòng - Thống kê' },
          { honorific: 'Bà', name: 'Đoàn Thị Ni Na', position: 'Cán bộ Đài truyền thanh' },
        ],
        duty: 'Hỗ trợ công tác bầu Khu phố trưởng khu phố 2.',
        hamlets: [],
      },
      {
        officials: [
          { honorific: 'Bà', name: 'Phan Thị Hải Yến', position: 'Công chức Tài chính - Kế toán' },
          { honorific: 'Ông', name: 'Hoàng Phước Đông', position: 'Công chức Địa chính - Xây dựng' },
        ],
        duty: 'Hỗ trợ công tác bầu Khu phố trưởng khu phố 3.',
        hamlets: [],
      },
      {
        officials: [
          { honorific: 'Bà', name: 'Nguyễn Thị Hồng Lý', position: 'Công chức Văn phòng - Thống kê' },
          { honorific: 'Ông', name: 'Nguyễn Ngọc Thành', position: 'Công chức LĐTB&XH' },
        ],
        duty: 'Hỗ trợ công tác bầu Khu phố trưởng khu phố 4.',
        hamlets: [],
      },
      {
        officials: [
          { honorific: 'Ông', name: 'Phạm Quý Hưng', position: 'Chỉ huy trưởng Ban CHQS' },
          { honorific: 'Bà', name: 'Nguyễn Thị Túy Hải', position: 'Công chức Địa chính - Xây dựng' },
          { honorific: 'Ông', name: 'Lê Ngọc Nam', position: 'nhân viên khuyến nông' },
          { honorific: 'Bà', name: 'Lê Thị Bích Liên', position: 'cán bộ thú y' },
        ],
        duty: 'Hỗ trợ công tác bầu Khu phố trưởng khu phố 5.',
        hamlets: [],
      },
    ],
    closing: `Trên đây là Kế hoạch tổ chức bầu Khu phố trưởng nhiệm kỳ ${TERM}, đề nghị các cơ quan, ban ngành và các khu phố tổ chức triển khai thực hiện./.`,
  };
}

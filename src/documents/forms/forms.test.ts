import { describe, expect, it } from 'vitest';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../model';
import { renderDocx } from '../render-docx';
import { renderPdf } from '../render-pdf';
import { A4_LANDSCAPE, A4_PORTRAIT, docxText, flat, pdfInfo, pdfText } from '../test-support';
import { FORMS } from './index';

/** Phrases each form's sample must print: title, names, numbers in words. */
const EXPECTED: Record<string, readonly string[]> = {
  plan: [
    'KẾ HOẠCH',
    '/KH-UBND',
    'Phường 2, ngày 24 tháng 7 năm 2024',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'IV. PHÂN CÔNG PHỤ TRÁCH',
    'Ông Lê Thanh Bình',
    'Bà Lê Thị Bích Liên',
    'TM. ỦY BAN NHÂN DÂN',
    'Nơi nhận:',
    'Trước ngày 20/9/2024',
  ],
  'election-day-decision': [
    'QUYẾT ĐỊNH',
    'Số: 112/QĐ-UBND',
    'Về việc công bố ngày bầu cử Khu phố trưởng',
    'Chủ nhật, ngày 17 tháng 11 năm 2024',
    'Điều 4.',
    'Căn cứ Nghị định số 59/2023/NĐ-CP',
  ],
  'election-team-decision': [
    'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG 2',
    'Về việc thành lập Tổ bầu cử Khu phố trưởng khu phố 1',
    'Phạm Văn Hùng',
    'Tổ trưởng',
    'Thư ký',
    'Lập thẻ cử tri',
    'gồm 5 thành viên',
  ],
  'mau-05': [
    'Mẫu số 05',
    'ỦY BAN MTTQVN PHƯỜNG 2',
    'BAN CTMT KHU PHỐ 1',
    'BIÊN BẢN CUỘC HỌP',
    '19 giờ 30 phút',
    '1. Ông (bà) Nguyễn Văn An',
    '2. Ông (bà) Trần Thị Bích Ngọc',
    '03 bản có giá trị pháp lý như nhau',
    'THƯ KÝ',
    'CHỦ TRÌ',
    '(Ký, ghi rõ họ tên)',
  ],
  'mau-05-blank': ['Mẫu số 05', 'Phường 2, ngày …… tháng …… năm ……', '1. Ông (bà) ....', '2. Ông (bà) ....'],
  'voters-conference-minutes': [
    'BIÊN BẢN HỘI NGHỊ CỬ TRI ĐẠI DIỆN HỘ GIA ĐÌNH',
    '65,38%',
    '86,27%',
    '68,14%',
  ],
  'joint-conference-minutes': [
    'BIÊN BẢN HỘI NGHỊ LIÊN TỊCH',
    'Trần Thị Kim Loan',
    '15/03/1972',
    'Thỏa thuận cuối cùng',
  ],
  'candidate-list': [
    'DANH SÁCH TRÍCH NGANG',
    'Nguyễn Văn An',
    '02/09/1980',
    'Nữ',
    'Cử nhân Luật',
    'TRƯỞNG BAN',
  ],
  invitation: [
    'Mẫu số 01',
    'GIẤY MỜI',
    'Số: 01/GM-TBC',
    'Kính gửi:',
    '07 giờ 30 phút, Chủ nhật, ngày 17 tháng 11 năm 2024',
    '4. Người liên hệ',
    '5. Tài liệu',
  ],
  'voter-roll': ['DANH SÁCH CỬ TRI ĐẠI DIỆN HỘ GIA ĐÌNH', 'Tổ 1', 'Tổ 3', 'bốn mươi hai', 'DUYỆT'],
  'voter-cards': ['THẺ CỬ TRI', 'Số thứ tự trong danh sách cử tri: 12', 'Đã bỏ phiếu', '(Ký tên, đóng dấu)'],
  ballots: [
    'PHIẾU BẦU',
    'Dấu UBND Phường 2',
    'Đồng ý',
    'Không đồng ý',
    'Nguyễn Văn An',
    'Trần Thị Bích Ngọc',
  ],
  'ballots-strike-out': ['PHIẾU BẦU', 'gạch ngang giữa họ và tên'],
  'ballot-rules': [
    'QUY ĐỊNH VỀ PHIẾU BẦU HỢP LỆ',
    'Phiếu bầu cho 02 người trở lên',
    'Điều 15 khoản 1 điểm i',
  ],
  'unused-ballots-record': [
    'Niêm phong phiếu bầu không sử dụng',
    '77 (bảy mươi bảy)',
    '330 (ba trăm ba mươi)',
    'NGƯỜI CHỨNG KIẾN',
  ],
  'count-record': [
    'Mẫu số 02',
    'BIÊN BẢN KIỂM PHIẾU',
    'ba trăm mười hai',
    'hai trăm năm mươi mốt',
    'hai trăm bốn mươi lăm',
    'một trăm tám mươi bảy',
    '59,94%',
    '18,59%',
    'trúng cử',
    '03 bản',
    'NGƯỜI CHỨNG KIẾN',
  ],
  'count-record-blank': ['BIÊN BẢN KIỂM PHIẾU', 'ba trăm mười hai', 'Nguyễn Văn An', 'Số phiếu hợp lệ: ....'],
  'community-meeting': [
    'Mẫu số 03',
    'BIÊN BẢN CUỘC HỌP CỘNG ĐỒNG DÂN CƯ',
    '80,45%',
    'bỏ phiếu kín',
    'Tổ kiểm phiếu',
  ],
  'household-ballot': [
    'PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
    'ĐẠI DIỆN HỘ GIA ĐÌNH',
    'Họ và tên đại diện hộ gia đình: ....',
  ],
  'household-count': [
    'Mẫu số 04',
    'BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
    'hai trăm linh một',
    '64,42%',
  ],
  'result-report': ['BÁO CÁO', 'Số: 01/BC-TBC', 'Kính gửi:', '80,45%', 'Biên bản kiểm phiếu'],
  'recognition-decision': [
    'Về việc công nhận người trúng cử Khu phố trưởng khu phố 1',
    'Ông Nguyễn Văn An, sinh ngày 15 tháng 3 năm 1972',
    '59,94%',
    'Điều 3.',
  ],
  'rerun-decision': ['Về việc tổ chức bầu cử lại', 'Chủ nhật, ngày 1 tháng 12 năm 2024', 'Lý do bầu cử lại'],
  'reply-letter': [
    'Số: 245/UBND-VP',
    'V/v trả lời kết quả bầu Khu phố trưởng khu phố 4',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Thuận',
  ],
  'interim-head-decision': [
    'Về việc cử Khu phố trưởng lâm thời khu phố 3',
    'Huỳnh Quốc Khánh',
    'không quá 06 tháng',
  ],
  'deputy-recognition-decision': ['Về việc công nhận Khu phố phó khu phố 1', 'Bà Trần Thị Bích Ngọc'],
  'resignation-letter': [
    'ĐƠN XIN THÔI LÀM KHU PHỐ TRƯỞNG',
    'Kính gửi: Chủ tịch Ủy ban nhân dân Phường 2',
    'Bùi Văn Thắng',
    'NGƯỜI LÀM ĐƠN',
    'Phường 2, ngày 17 tháng 02 năm 2025',
  ],
  'resignation-letter-blank': ['ĐƠN XIN THÔI LÀM KHU PHỐ TRƯỞNG', 'Tôi tên là: ....', 'năm 2025'],
  'removal-proposal': [
    'TỜ TRÌNH',
    'Số: 02/TTr-BCTMT',
    'khoản 1 Điều 9 Nghị định số 59/2023/NĐ-CP',
    'TRƯỞNG BAN',
  ],
  'removal-petition': [
    'ĐƠN KIẾN NGHỊ',
    'DANH SÁCH ĐẠI DIỆN HỘ GIA ĐÌNH KÝ TÊN',
    'Chữ ký',
    '298 (hai trăm chín mươi tám)',
    '16 (mười sáu)',
  ],
  'removal-minutes': ['Về việc cho thôi làm Khu phố trưởng khu phố 2', '67,45%', 'không biểu quyết'],
  'removal-count': ['Tán thành cho thôi làm', 'hai trăm linh một', 'ba mươi mốt', '67,45%', '10,40%'],
  'removal-recognition-decision': [
    'Về việc công nhận kết quả cho thôi làm Khu phố trưởng khu phố 2',
    '67,45%',
    '60 ngày',
  ],
  'commune-summary': [
    'Kết quả bầu Khu phố trưởng nhiệm kỳ 2024-2027 trên địa bàn Phường 2',
    'Tổng cộng',
    '1482',
    '78,41%',
    '4/5 khu vực bầu được',
  ],
};

const CARDS = new Set(['voter-cards', 'ballots', 'ballots-strike-out', 'household-ballot']);
const LANDSCAPE = new Set(['voter-roll', 'candidate-list', 'commune-summary']);

describe('every form renders from its sample', () => {
  it('has expectations for every registered form', () => {
    expect(FORMS.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
  });

  it.each(FORMS.map((f) => [f.id, f] as const))(
    '%s: PDF and DOCX carry the Vietnamese text',
    async (id, form) => {
      const model = form.build(form.sample());
      const pdf = renderPdf(model);
      const text = flat(pdfText(pdf));
      const docx = flat(await docxText(await renderDocx(model)));
      const expected = [...(EXPECTED[id] ?? [])];
      if (!CARDS.has(id)) expected.push(NATIONAL_TITLE);
      if (!CARDS.has(id)) expected.push(NATIONAL_MOTTO);
      for (const phrase of expected) {
        expect(text, `PDF of ${id}`).toContain(phrase);
        // The DOCX fills blanks with a dotted tab leader, not dots.
        expect(docx, `DOCX of ${id}`).toContain(phrase.replace(/ ?\.{4}$/, ''));
      }
      const info = pdfInfo(pdf);
      expect(info.pages).toBeGreaterThan(0);
      for (const size of info.sizes) expect(size).toBe(LANDSCAPE.has(id) ? A4_LANDSCAPE : A4_PORTRAIT);
    },
  );
});

describe('deputy recognition decision', () => {
  it('names the head of the hamlet kind, not always the Khu phố trưởng', async () => {
    const { buildDeputyRecognitionDecision, sampleDeputyRecognitionDecision } =
      await import('./deputy-recognition-decision');
    const data = {
      ...sampleDeputyRecognitionDecision(),
      hamlet: 'thôn Phú Lộc',
      deputyTitle: 'Phó Trưởng thôn',
      headTitle: 'Trưởng thôn',
    };
    const text = flat(pdfText(renderPdf(buildDeputyRecognitionDecision(data))));
    expect(text).toContain(
      'Phó Trưởng thôn giúp Trưởng thôn thực hiện nhiệm vụ theo sự phân công của Trưởng thôn',
    );
    expect(text).not.toContain('giúp Khu phố trưởng');
  });
});

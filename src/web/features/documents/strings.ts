/** Issuing the documents of the preparation stage, in Vietnamese. */
export const documentsText = {
  issue: (title: string) => `Lập ${title}`,
  formTitles: {
    plan: 'Kế hoạch',
    'election-day-decision': 'Quyết định công bố ngày bầu cử',
    'mau-05': 'Biên bản Mẫu 05',
    'voters-conference-minutes': 'Biên bản hội nghị cử tri',
    'joint-conference-minutes': 'Biên bản hội nghị liên tịch',
    'candidate-list': 'Danh sách trích ngang người ứng cử',
    'election-team-decision': 'Quyết định thành lập Tổ bầu cử',
    invitation: 'Giấy mời',
    notice: 'Thông báo niêm yết',
  } as Record<string, string>,
  noDocuments: 'Chưa có văn bản nào.',
  issued: (title: string) => `Đã lập: ${title}`,
  pdf: 'PDF',
  docx: 'DOCX',
  date: 'Ngày văn bản',
};

/** The user guide page's own Vietnamese text (the chapters themselves are docs/huong-dan/*.md). */
export const guideText = {
  title: 'Hướng dẫn sử dụng',
  contents: 'Mục lục',
  back: 'Về ứng dụng',
  loading: 'Đang tải hướng dẫn...',
  missing: 'Không có chương hướng dẫn này. Hãy chọn một chương trong mục lục.',
};

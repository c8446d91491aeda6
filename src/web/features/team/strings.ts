/** The election team, in Vietnamese. */
export const teamText = {
  role: 'Chức danh trong Tổ',
  roles: {
    leader: 'Tổ trưởng',
    secretary: 'Thư ký',
    member: 'Thành viên',
    witness: 'Người chứng kiến kiểm phiếu',
  } as Record<string, string>,
  represents: 'Đại diện cho',
  frontHead: 'Là Trưởng ban công tác Mặt trận',
  addMember: 'Thêm vào Tổ bầu cử',
  composition: 'Kiểm tra thành phần Tổ bầu cử',
  compositionOk: 'Thành phần Tổ bầu cử đúng quy định.',
  witnessesOk: 'Người chứng kiến kiểm phiếu đúng quy định.',
  accounts: 'Cấp tài khoản cho thành viên Tổ bầu cử',
  ageLabel: (age: number) => `${age} tuổi`,
  ageRule: (on: string) =>
    `Tuổi tính đến ngày ${on} (ngày thành lập Tổ bầu cử; chưa thành lập thì tính đến hôm nay). Thành viên phải là người thành niên, cư trú tại thôn, tổ dân phố và không phải người ứng cử.`,
  witnessesAtCount:
    'Hai người chứng kiến việc kiểm phiếu (không phải người ứng cử) được chọn trong danh sách cử tri khi niêm phong phiếu hoặc trên trang kiểm phiếu.',
  accountsNote: 'Mật khẩu chỉ hiện một lần; hãy giao tận tay từng người.',
};

import type { Failure, FailureCode } from '../../domain/result';
import { formatCitation } from '../../domain/rules';

/** Common expected failures, with Vietnamese messages that say what to do. */
export const failures = {
  unauthenticated: (): Failure => ({
    code: 'unauthenticated',
    message: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  }),
  forbidden: (what: string): Failure => ({
    code: 'forbidden',
    message: `Tài khoản của bạn không có quyền ${what}. Hãy liên hệ quản trị hệ thống nếu cần được cấp quyền.`,
  }),
  notFound: (what: string): Failure => ({
    code: 'not-found',
    message: `Không tìm thấy ${what}. Có thể đường dẫn đã cũ hoặc dữ liệu đã bị xóa.`,
  }),
  invalid: (field: string, message: string): Failure => ({ code: 'invalid-input', field, message }),
  conflict: (field: string, message: string): Failure => ({ code: 'conflict', field, message }),
};

/** A refusal that names the rule and its citation, in the shape the HTTP layer and the CLI report. */
export function ruleFailure(
  code: FailureCode,
  rule: string,
  citation: { source: string; article: string; clause?: string },
  message: string,
  field?: string,
): Failure {
  return {
    code,
    message,
    ...(field ? { field } : {}),
    details: { rule, citation: formatCitation(citation) },
  };
}

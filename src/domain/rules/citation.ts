import type { Citation, Confidence } from './schema';

export function formatCitation(c: Citation): string {
  return c.clause ? `${c.source}, ${c.article}, ${c.clause}` : `${c.source}, ${c.article}`;
}

export const CONFIDENCE_VI: Readonly<Record<Confidence, string>> = {
  verified: 'đã xác minh',
  secondary: 'nguồn thứ cấp',
  unverified: 'chưa xác minh',
};

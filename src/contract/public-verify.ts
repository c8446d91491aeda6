/**
 * The public check of a printed document by its verification code: no sign-in. Anyone holding
 * the paper (the resident at the community house reading the posted count record) types the code
 * or scans the QR, and sees whether the paper still matches the record.
 */
import { endpoint } from './endpoint';
import { z } from './zod';

const tags = ['public'] as const;

export const publicVerification = z.object({
  code: z.string(),
  title: z.string(),
  /** "Số: 05/QĐ-UBND", or null for a record without a number. */
  number: z.string().nullable(),
  /** The civil date the document bears (YYYY-MM-DD), or null. */
  date: z.string().nullable(),
  commune: z.string().nullable(),
  hamlet: z.string().nullable(),
  /** SHA-256 of the PDF as issued. */
  hash: z.string(),
  /** The sequence number of the audit event that issued it. */
  chainSeq: z.number().int().nullable(),
  /** Replaced by a newer version (a correction): the paper is not the one in force. */
  replaced: z.boolean(),
  checks: z.object({
    /** The stored files still match the hashes taken when it was issued. */
    bytes: z.boolean(),
    /** The document's row still matches its seal. */
    record: z.boolean(),
    /** The issuing event is intact in the chain and names this hash and code. */
    chain: z.boolean(),
    /** The chain is not shorter than, nor different from, the checkpoint outside the database. */
    witness: z.boolean(),
  }),
  matches: z.boolean(),
  /** What does not match, in plain Vietnamese. */
  problems: z.array(z.string()),
});
export type PublicVerification = z.infer<typeof publicVerification>;

export const verifyDocument = endpoint({
  method: 'GET',
  path: '/api/public/verify/:code',
  summary: 'Public, no sign-in: does a printed verification code match an issued document and the record',
  tags,
  access: 'public',
  params: z.object({ code: z.string().max(40) }),
  response: publicVerification,
  errors: ['invalid-input', 'not-found'],
});

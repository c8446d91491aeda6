/** Complaints about candidates and the roll, received and resolved within their legal deadlines. */
import { electionFailures } from './candidates';
import { endpoint } from './endpoint';
import { civilDate, id, idParams, text, z } from './zod';

const tags = ['preparation'] as const;

export const complaintSubject = z.enum(['candidate', 'roll']);
export const complaintStatus = z.enum(['received', 'handled', 'closed', 'queued']);

export const complaintView = z.object({
  id: z.string(),
  subject: complaintSubject,
  nominationId: z.string().nullable(),
  complainant: z.string(),
  content: z.string(),
  receivedOn: z.string(),
  due: z.string().nullable(),
  dueCitation: z.string().nullable(),
  status: complaintStatus,
  statusLabel: z.string(),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const listComplaints = endpoint({
  method: 'GET',
  path: '/api/elections/:id/complaints',
  summary: 'Complaints about candidates and the roll',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(complaintView),
  errors: electionFailures,
});

export const complaintInput = z.object({
  subject: complaintSubject,
  nominationId: id.nullish(),
  complainant: text(200),
  content: text(5000),
  receivedOn: civilDate,
});
export type ComplaintInput = z.infer<typeof complaintInput>;

export const fileComplaint = endpoint({
  method: 'POST',
  path: '/api/elections/:id/complaints',
  summary: 'Receive a complaint (queued after the election when late)',
  tags,
  access: 'write',
  params: idParams,
  body: complaintInput,
  response: complaintView,
  status: 201,
  errors: [...electionFailures, 'complaint-queued', 'complaint-deadline-passed'],
});

export const resolution = z.object({
  status: z.enum(['handled', 'closed']),
  resolution: text(5000),
  on: civilDate,
});
export type Resolution = z.infer<typeof resolution>;

export const resolveComplaint = endpoint({
  method: 'POST',
  path: '/api/complaints/:id/resolve',
  summary: 'Handle or close a complaint within its deadline',
  tags,
  access: 'write',
  params: idParams,
  body: resolution,
  response: complaintView,
  errors: [...electionFailures, 'conflict', 'complaint-queued', 'complaint-deadline-passed'],
});

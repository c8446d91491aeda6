/** The server's own state, for monitoring: open to anyone, it tells nothing about the data. */
import { endpoint } from './endpoint';
import { z } from './zod';

export const healthAnswer = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  /** The last migration applied; null on an empty database. */
  migration: z.string().nullable(),
  time: z.string(),
});
export type Health = z.infer<typeof healthAnswer>;

export const health = endpoint({
  method: 'GET',
  path: '/api/health',
  summary: 'Database kind and migration version',
  tags: ['system'],
  access: 'public',
  response: healthAnswer,
  errors: [],
});

/** The election team of a hamlet election: members, count witnesses, composition check, accounts. */
import { electionFailures, verdict } from './candidates';
import { endpoint } from './endpoint';
import { id, idParams, text, z } from './zod';

const tags = ['preparation'] as const;

export const TEAM_ROLES = ['leader', 'secretary', 'member', 'witness'] as const;
export const teamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRole>;

/** Rules a team's composition or its witnesses may break. */
const compositionFailures = [
  'team-invalid',
  'witness-candidate',
  'election-team-candidate',
  'election-team-minor',
  'election-team-not-resident',
  'election-team-leader-count',
  'election-team-leader',
  'election-team-secretary',
  'counting-team-candidate',
  'counting-team-leader-count',
  'witness-count',
  'electionTeam.size-too-small',
  'electionTeam.size-too-large',
] as const;

export const teamMemberView = z.object({
  id: z.string(),
  residentId: z.string().nullable(),
  fullName: z.string(),
  sex: z.string().nullable(),
  represents: z.string(),
  role: teamRole,
  roleLabel: z.string(),
  frontHead: z.boolean(),
  frontMember: z.boolean(),
  username: z.string().nullable(),
  /** A resident's date of birth and age on the appointment date; null for an official named by hand. */
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
});
export type TeamMemberView = z.infer<typeof teamMemberView>;

export const teamView = z.object({
  electionId: z.string(),
  members: z.array(teamMemberView),
  composition: verdict,
  witnesses: verdict,
  sizeRule: z.string(),
  /** The date ages are taken on: the team decision's date once issued, else today. */
  ageOn: z.string(),
  canManage: z.boolean(),
});
export type TeamView = z.infer<typeof teamView>;

export const getTeam = endpoint({
  method: 'GET',
  path: '/api/elections/:id/team',
  summary: 'The election team with its composition check',
  tags,
  access: 'read',
  params: idParams,
  response: teamView,
  errors: electionFailures,
});

export const teamMemberInput = z.object({
  /** A resident of the hamlet, or an official named by `fullName`. */
  residentId: id.nullish(),
  fullName: text(200).nullish(),
  sex: z.enum(['male', 'female']).nullish(),
  represents: text(300),
  role: teamRole,
  frontHead: z.boolean().optional(),
  frontMember: z.boolean().optional(),
});
export type TeamMemberInput = z.infer<typeof teamMemberInput>;

export const addTeamMember = endpoint({
  method: 'POST',
  path: '/api/elections/:id/team',
  summary: 'Add a member (or a count witness) to the election team',
  tags,
  access: 'write',
  params: idParams,
  body: teamMemberInput,
  response: teamView,
  status: 201,
  errors: [...electionFailures, 'conflict', ...compositionFailures],
});

export const removeTeamMember = endpoint({
  method: 'DELETE',
  path: '/api/team-members/:id',
  summary: 'Remove a team member before the team is formed',
  tags,
  access: 'write',
  params: idParams,
  response: teamView,
  errors: [...electionFailures, 'conflict'],
});

export const issuedAccount = z.object({
  memberId: z.string(),
  fullName: z.string(),
  username: z.string(),
  /** Shown once; only its hash is stored. */
  password: z.string(),
});
export type IssuedAccount = z.infer<typeof issuedAccount>;

export const createTeamAccounts = endpoint({
  method: 'POST',
  path: '/api/elections/:id/team/accounts',
  summary: 'Accounts for the team members, scoped to the election (passwords shown once)',
  tags,
  access: 'write',
  params: idParams,
  response: z.array(issuedAccount),
  status: 201,
  errors: [...electionFailures, 'conflict', ...compositionFailures],
});

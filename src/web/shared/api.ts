/** The web app's only way to the data: JSON over HTTP to /api, with the session cookie. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const raw = body instanceof ArrayBuffer;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; field?: string };
  };
  if (!response.ok) {
    const e = data.error;
    throw new ApiError(
      response.status,
      e?.code ?? 'http',
      e?.message ?? `Lỗi máy chủ (${response.status}).`,
      e?.field,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  /** Sends a file's bytes as the request body. */
  upload: async <T>(path: string, file: File) => request<T>('POST', path, await file.arrayBuffer()),
};

export interface HamletListPreview {
  rows: number;
  toAdd: { row: number; name: string; kind: string; residentGroups: string[] }[];
  existing: { row: number; name: string }[];
  rejected: { row: number; field: string; message: string }[];
  converted: string | null;
}

export interface Me {
  user: {
    userId: string;
    username: string;
    displayName: string;
    role: string;
    roleLabel: string;
    totpEnabled: boolean;
  };
  home:
    | { kind: 'all'; provinces: { code: string; name: string }[] }
    | { kind: 'province'; provinceCode: string }
    | { kind: 'commune'; communeId: string }
    | { kind: 'hamlet'; hamletId: string; electionId: string };
}

export interface Election {
  id: string;
  position: string;
  termLabel: string;
  profileId: string;
  electionDate: string | null;
  state: string;
  round: number;
}

export interface ResidentGroup {
  id: string;
  name: string;
  households: number;
}

export interface Hamlet {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  headTitle: string;
  households: number;
  residentGroups: number;
  groups: ResidentGroup[];
  elections: Election[];
}

export interface Province {
  code: string;
  name: string;
}

export interface Commune {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
}

export interface CommuneView {
  province: Province;
  commune: Commune;
  districtName: string | null;
  hamlets: Hamlet[];
  canManage: boolean;
}

export interface HamletDetail extends Hamlet {
  province: Province;
  commune: Commune;
  residents: number;
  canManage: boolean;
}

export interface ProvinceView {
  province: Province;
  communes: (Commune & { hamlets: number })[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  scopeKind: string;
  scopeId: string | null;
}

export type { ProfileSummary } from '../../contract/rules';
/** Pages of other features still name these; they are the people contract's. */
export type { HouseholdPage, ResidentItem } from '../../contract/people';

export interface FormEntry {
  id: string;
  title: string;
  fields: string[];
  template: { fileName: string; sha256: string; uploadedAt: string } | null;
}

export interface IssuedDocument {
  id: string;
  form_id: string;
  title: string;
  number: number | null;
  symbol: string | null;
  version: number;
  replaces_id: string | null;
  issued_at: string;
  pdf_sha256: string;
  docx_sha256: string;
}

/** Preparing an election (issue 6). */
export interface PrepTask {
  id: string;
  hamletId: string | null;
  hamletName: string | null;
  electionId: string | null;
  stepId: string | null;
  source: string;
  title: string;
  lead: string;
  partners: string[];
  due: string;
  status: 'todo' | 'doing' | 'done';
  citation: string | null;
  overdue: boolean;
  dueThisWeek: boolean;
  /** Sent back with an edit (optimistic concurrency). */
  version: number;
}

export interface PrepRound {
  id: string;
  communeId: string;
  communeName: string;
  termLabel: string;
  profileId: string;
  profileTitle: string;
  form: string;
  electorate: string;
  chairName: string;
  planDate: string;
  today: string;
  elections: {
    id: string;
    hamletId: string;
    hamletName: string;
    headTitle: string;
    position: string;
    electionDate: string | null;
    startTime: string | null;
    venue: string | null;
    state: string;
    overdue: number;
  }[];
  tasks: PrepTask[];
  warnings: string[];
  canManage: boolean;
}

export interface PrepRoundSummary {
  id: string;
  termLabel: string;
  profileId: string;
  planDate: string;
  elections: number;
}

export interface PrepDeadline {
  stepId: string;
  title: string;
  due: string;
  citationText: string;
  passed: boolean;
}

export interface PrepLifecycle {
  electionId: string;
  hamletName: string;
  headTitle: string;
  electionDate: string | null;
  roundId: string | null;
  profileId: string;
  state: string;
  stateLabel: string;
  history: {
    seq: number;
    to: string;
    toLabel: string;
    on: string;
    due: string | null;
    override: { authorisedBy: string; reason: string } | null;
  }[];
  next: { to: string; label: string; deadline: PrepDeadline | null }[];
}

export interface PrepRefusal {
  code: string;
  rule: string;
  message: string;
}

export interface PrepPerson {
  id: string;
  fullName: string;
  sex: string;
  birthDate: string;
  ageOnElectionDay: number;
  address: string;
  groupName: string | null;
}

export interface PrepNomination {
  id: string;
  position: string;
  source: string;
  sourceLabel: string;
  nominatedOn: string;
  person: PrepPerson;
  education: string;
  occupation: string;
  eligible: boolean;
  refusals: PrepRefusal[];
  drafted: boolean;
  approved: boolean | null;
  official: boolean;
  ballotOrder: number | null;
  files: { id: string; kind: string; file_name: string; sha256: string }[];
  dossierMissing: string[];
}

export interface PrepCandidates {
  electionId: string;
  electionDate: string;
  dossier: { due: string; citation: string } | null;
  nominations: PrepNomination[];
  official: PrepNomination[];
  canManage: boolean;
}

export interface PrepMeeting {
  id: string;
  kind: string;
  kindLabel: string;
  heldOn: string;
  startTime: string;
  venue: string;
  chairName: string;
  secretaryName: string;
  convened: number;
  present: number;
  absences: { name: string; reason: string }[];
  decisions: string[];
  quorum: { required: boolean; met: boolean; rule: string | null; citation: string | null };
  votes: { nominationId: string; name: string; order: number; agree: number | null; approved: boolean }[];
}

export interface PrepMeetings {
  kinds: { kind: string; label: string; stepDue: string | null; citation: string | null }[];
  decidingKind: string;
  approvalRule: string | null;
  meetings: PrepMeeting[];
}

export interface PrepTeam {
  members: {
    id: string;
    fullName: string;
    represents: string;
    role: string;
    roleLabel: string;
    frontHead: boolean;
    username: string | null;
  }[];
  composition: { eligible: boolean; refusals: PrepRefusal[] };
  witnesses: { eligible: boolean; refusals: PrepRefusal[] };
  sizeRule: string;
  canManage: boolean;
}

export interface PrepComplaint {
  id: string;
  subject: string;
  complainant: string;
  content: string;
  receivedOn: string;
  due: string | null;
  dueCitation: string | null;
  status: string;
  statusLabel: string;
  resolution: string | null;
}

export interface PrepDocument {
  id: string;
  form_id: string;
  title: string;
  number: number | null;
  symbol: string | null;
  issued_at: string;
}

/** The count of one position (GET /api/counts/:id). */
export interface CountPaperView {
  kept: string[];
  defect: string | null;
}
export interface CountDifference {
  seq: number;
  first: CountPaperView | null;
  second: CountPaperView | null;
  resolution: (CountPaperView & { note: string | null }) | null;
}
export interface CountBatchView {
  id: string;
  number: number;
  size: number;
  entered: [number, number];
  closed: boolean;
  differences: CountDifference[];
  unresolved: number;
  corrections: number;
  papers: CountPaperView[];
  problems: string[];
}
export interface CountCandidateView {
  id: string;
  name: string;
  birthDate: string;
  order: number;
}
export interface CountTallyView {
  papers: number;
  valid: number;
  invalid: number;
  invalidReasons: { code: string; label: string; count: number }[];
  candidates: { id: string; name: string; votes: number; percentOfRegistered: string }[];
}
export interface CountView {
  id: string;
  electionId: string;
  hamletName: string;
  position: string;
  positionTitle: string;
  round: number;
  seats: number;
  form: string;
  method: string;
  ballotForm: string;
  doubleEntry: boolean;
  candidates: CountCandidateView[];
  registered: number;
  voted: number;
  issued: number;
  received: number;
  defects: { code: string; label: string }[];
  batches: CountBatchView[];
  running: CountTallyView;
  problems: string[];
  corrections: number;
  closed: boolean;
  result: {
    outcome: string;
    elected: string[];
    valid: number;
    invalid: number;
    candidates: { id: string; votes: number; percentOfRegistered: string }[];
    conclusion: string;
  } | null;
  canWrite: boolean;
}
export interface ElectionCountsView {
  electionId: string;
  hamletName: string;
  state: string;
  round: number;
  canWrite: boolean;
  positions: { position: string; title: string; candidates: number; countId: string | null }[];
  counts: {
    id: string;
    position: string;
    positionTitle: string;
    round: number;
    closed: boolean;
    received: number;
  }[];
}
export interface CountEntryAck {
  entryId: string;
  seq: number;
  lane: number;
  replay: boolean;
}
export type { OversightNational, OversightProvince } from '../../contract/oversight';

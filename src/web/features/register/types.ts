/** What the hamlet-register API returns (src/services/hamlet-*.ts). */
export interface HamletOption {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
}

export interface ChangeView {
  id: string;
  kind: string;
  kindLabel: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuingBody: string | null;
  effectiveOn: string;
  from: { id: string; name: string }[];
  to: { id: string; name: string } | null;
  summary: string;
  note: string | null;
}

export interface FormerHamlet {
  id: string;
  name: string;
  kindLabel: string;
  endedOn: string;
  names: { name: string; from: string | null }[];
  documents: { id: string; title: string; reference: string }[];
}

export interface HistoryView {
  communeId: string;
  communeName: string;
  today: string;
  changes: ChangeView[];
  former: FormerHamlet[];
  hamlets: HamletOption[];
  canManage: boolean;
}

export interface AsOfView {
  on: string;
  communeName: string;
  households: number;
  hamlets: {
    id: string;
    name: string;
    kindLabel: string;
    since: string | null;
    nameToday: string | null;
    households: number;
    groups: string[];
    heads: { holderName: string; positionTitle: string; startOn: string }[];
  }[];
}

export interface MergePreview {
  effectiveOn: string;
  target: { id: string | null; name: string; kind: string; isNew: boolean; households: number };
  sources: {
    id: string;
    name: string;
    households: number;
    residents: number;
    groups: { id: string; name: string; newName: string }[];
    endingTerms: { id: string; holderName: string; positionTitle: string; startOn: string }[];
  }[];
  elections: {
    id: string;
    hamletName: string;
    positionTitle: string;
    termLabel: string;
    stateLabel: string;
    action: 'move' | 'stay' | 'stop';
    roll: 'none' | 'draftReset' | 'posted';
  }[];
  totals: { households: number; residents: number; groups: number; householdsAfter: number };
  problems: string[];
}

export interface ChecklistRow {
  key: string;
  stepLabel: string;
  title: string;
  citation: string;
  verified: boolean;
  required: boolean;
  recorded: {
    id: string;
    number: string | null;
    date: string;
    issuingBody: string | null;
    fileName: string | null;
  } | null;
}

export interface Establishment {
  id: string;
  name: string;
  kindLabel: string;
  areaLabel: string;
  households: number;
  exception: string | null;
  state: string;
  stepLabel: string;
  hamletId: string | null;
  conditions: string;
  checklist: ChecklistRow[];
}

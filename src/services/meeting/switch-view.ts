/**
 * What the meeting page shows of an election the meeting turned to household opinion ballots
 * (DOMAIN.md row 7, Mẫu 04): why (the opening that missed the quorum, judged again from its numbers)
 * and the documents of that path issued through the registry (the ballots, the count record).
 */
import { documents as docsRepo } from '../../store';
import type { Db } from '../../store';

/** The forms of the household-ballot path, in the order they are issued. */
export const HOUSEHOLD_FORMS = ['household-ballot', 'household-count'] as const;

export interface HouseholdBallotsView {
  /** The opening's sentence: present against the roll, the quorum, its source. */
  readonly reason: string;
  readonly documents: { id: string; title: string; formId: string }[];
}

/** The switch as the page shows it; null while the election is still held at the meeting. */
export async function householdBallotsOf(
  db: Db,
  electionId: string,
  form: string,
  failedOpening: { summary: string } | undefined,
): Promise<HouseholdBallotsView | null> {
  if (form !== 'householdBallots' || !failedOpening) return null;
  const docs = (await docsRepo.listDocuments(db, { electionId }))
    .filter((d) => (HOUSEHOLD_FORMS as readonly string[]).includes(d.form_id))
    .sort((a, b) => a.issued_at.localeCompare(b.issued_at));
  return {
    reason: failedOpening.summary,
    documents: docs.map((d) => ({ id: d.id, title: d.title, formId: d.form_id })),
  };
}

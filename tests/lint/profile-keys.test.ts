/**
 * Every field of a RuleProfile either drives code or is text for people: a field that nothing reads
 * is a rule the product claims to follow and does not. The lists below are the only exceptions, each
 * with its reason; a field listed here that code starts reading must leave the list.
 */
import { describe, expect, it } from 'vitest';
import { profileFieldUses } from './profile-keys';

/** Text and metadata printed for people (documents, the rules page), never a rule to obey. */
const DESCRIPTIVE: Record<string, string> = {
  'sources.[].tag': 'the short name a citation points to',
  'sources.[].note': 'a remark about a source',
  'candidate.value.standards': 'moral and political standards the Front committee judges; no code can',
  'recognition.value.from':
    'the event the recognition days run from, in words (recognitionCounting is the rule)',
  'removal.[].title': 'the procedure’s name',
  'voter.value.inPersonOnly':
    'the product has no proxy voting: every voter checks in in person, which every profile allows',
};

/** Rules that code does not yet obey; each is a known gap, named in the developer docs. */
const NOT_YET_OBEYED: Record<string, string> = {
  'countRecord.value.ratioAgainstRegistered':
    'Tây Ninh’s meeting record has the ratio and its separate-ballot record does not: needs a value per form',
};

describe('every RuleProfile field is read outside its schema', () => {
  const uses = profileFieldUses();
  const unread = uses.filter((u) => u.readers.length === 0).map((u) => u.path);

  it('finds the fields (the checker resolves the schema)', () => {
    expect(uses.length).toBeGreaterThan(100);
    expect(uses.find((u) => u.path === 'witnesses.value.count')?.readers.length).toBeGreaterThan(0);
  });

  it('no field is left unread except those listed with a reason', () => {
    const unexplained = unread.filter((p) => !(p in DESCRIPTIVE) && !(p in NOT_YET_OBEYED));
    expect(unexplained).toEqual([]);
  });

  it('the lists hold only fields that are really unread', () => {
    const listed = [...Object.keys(DESCRIPTIVE), ...Object.keys(NOT_YET_OBEYED)];
    const paths = new Set(uses.map((u) => u.path));
    expect(listed.filter((p) => !paths.has(p))).toEqual([]);
    expect(listed.filter((p) => !unread.includes(p))).toEqual([]);
  });
});

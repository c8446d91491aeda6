/**
 * Kinds of hamlet (the self-managed community that elects a head). Rural: thôn, ấp, bản, làng,
 * buôn, sóc, plei; urban: tổ dân phố, khu phố, khóm. The head's title depends on the kind
 * (Trưởng thôn, Trưởng ấp, Khu phố trưởng, Tổ trưởng tổ dân phố ...).
 */
export const hamletKinds = {
  thon: { label: 'Thôn', headTitle: 'Trưởng thôn', urban: false },
  ap: { label: 'Ấp', headTitle: 'Trưởng ấp', urban: false },
  ban: { label: 'Bản', headTitle: 'Trưởng bản', urban: false },
  lang: { label: 'Làng', headTitle: 'Trưởng làng', urban: false },
  buon: { label: 'Buôn', headTitle: 'Trưởng buôn', urban: false },
  soc: { label: 'Sóc', headTitle: 'Trưởng sóc', urban: false },
  plei: { label: 'Plei', headTitle: 'Trưởng plei', urban: false },
  'khu-pho': { label: 'Khu phố', headTitle: 'Khu phố trưởng', urban: true },
  'to-dan-pho': { label: 'Tổ dân phố', headTitle: 'Tổ trưởng tổ dân phố', urban: true },
  khom: { label: 'Khóm', headTitle: 'Trưởng khóm', urban: true },
} as const;

export type HamletKind = keyof typeof hamletKinds;

export function isHamletKind(value: string): value is HamletKind {
  return Object.hasOwn(hamletKinds, value);
}

const foldKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');

/** Reads a kind as an officer types it ("Khu phố", "khu pho", "TDP", "khu-pho"). */
export function parseHamletKind(text: string): HamletKind | undefined {
  const key = foldKey(text);
  if (key === 'tdp') return 'to-dan-pho';
  if (key === 'kp') return 'khu-pho';
  for (const [kind, info] of Object.entries(hamletKinds)) {
    if (foldKey(info.label) === key || kind === key.replace(/ /g, '-')) return kind as HamletKind;
  }
  return undefined;
}

/** Guesses the kind from a name such as "Khu phố 3" or "Thôn Đông". */
export function kindFromName(name: string): HamletKind | undefined {
  const folded = foldKey(name);
  const byLength = Object.entries(hamletKinds).sort((a, b) => b[1].label.length - a[1].label.length);
  for (const [kind, info] of byLength) {
    if (folded.startsWith(foldKey(info.label) + ' ')) return kind as HamletKind;
  }
  return undefined;
}

/**
 * A hamlet's name in running text: the kind word in lower case, the proper name as written
 * ("Thôn An Hòa" → "thôn An Hòa", "Khu phố 1" → "khu phố 1"); a name without a kind stays as it is.
 */
export function hamletInText(name: string): string {
  const folded = foldKey(name);
  const byLength = Object.values(hamletKinds).sort((a, b) => b.label.length - a.label.length);
  for (const info of byLength) {
    if (folded.startsWith(foldKey(info.label) + ' '))
      return `${info.label.toLowerCase()}${name.slice(info.label.length)}`;
  }
  return name;
}

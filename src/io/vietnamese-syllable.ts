/**
 * A permissive check that a word is a well-formed Vietnamese syllable. Used only to score candidate
 * decodings of legacy text: a correct decoding turns almost every non-ASCII word into a syllable, a
 * wrong one leaves symbols (¸ ¶ ¬ ©) or impossible vowel clusters.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHARP_OR_HEAVY = /[\u0301\u0323]/;

// Nuclei that end in a glide, or the diphthongs ia/ua/ưa, take no final consonant.
const OPEN_NUCLEI = [
  'iêu',
  'yêu',
  'oai',
  'oay',
  'oao',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'uyu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iu',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'ui',
  'ưa',
  'ưi',
  'ưu',
  'uya',
];
const CLOSED_NUCLEI = [
  'uyê',
  'iê',
  'yê',
  'oa',
  'oă',
  'oe',
  'oo',
  'uâ',
  'uê',
  'uô',
  'uơ',
  'uy',
  'ươ',
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
];
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const OPEN = new RegExp(`^${INITIAL}(?:${OPEN_NUCLEI.join('|')})$`);
const CLOSED = new RegExp(`^${INITIAL}(${CLOSED_NUCLEI.join('|')})(ch|nh|ng|[cmnpt])?$`);
// ch and nh follow only front vowels and a: anh, ếch, inh, uỳnh, oanh.
const PALATAL_FINAL_NUCLEI = new Set(['a', 'oa', 'ê', 'uê', 'i', 'y', 'uy']);

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (OPEN.test(bare)) return true;
  const m = CLOSED.exec(bare);
  if (!m) return false;
  const nucleus = m[1] as string;
  const final = m[2];
  if ((final === 'ch' || final === 'nh') && !PALATAL_FINAL_NUCLEI.has(nucleus)) return false;
  // 'oo' occurs only before c and ng (xoong, moóc).
  if (nucleus === 'oo' && final !== 'c' && final !== 'ng') return false;
  // Stop finals carry only the sắc or nặng tone (bát, bạt; never bàt).
  if (final === 'c' || final === 'ch' || final === 'p' || final === 't') {
    return tones !== null && SHARP_OR_HEAVY.test(tones[0]);
  }
  return true;
}

const EDGE_PUNCTUATION = /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/g;
const NON_ASCII = /[^\t-~]/;

export interface SyllableScore {
  /** Words containing at least one non-ASCII character. */
  readonly scored: number;
  /** How many of those are Vietnamese syllables. */
  readonly valid: number;
  /** How many of those are among the common syllables of names and administrative words. */
  readonly common: number;
}

/**
 * Frequent non-ASCII syllables of names, addresses and list headers. A wrong decoding can produce a
 * well-formed but rare syllable by accident ('leõ'); it rarely produces these, so they break ties.
 */
const COMMON = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương đoàn lâm ' +
    'văn thị hữu đức ngọc quốc công xuân đình trọng tấn thành thanh hồng kim thu mỹ bích phương bảo ' +
    'khánh hoài diệu tường anh ánh bình cường dũng đạt hải hiếu hòa hùng hưng lộc mạnh nghĩa nhân phúc ' +
    'phước quân sơn tài tâm thái thắng thiện thịnh tiến toàn trí tú tuấn tùng việt vương châu diễm ' +
    'duyên hà hạnh hằng hân hiền huệ hương liên loan mai nga ngân nhi nhung oanh phượng quyên quỳnh ' +
    'thảo thủy thúy thư trâm tuyết uyên vân yến họ và tên ngày sinh giới tính nữ số định cá nhân ' +
    'quan hệ với chủ hộ loại cư trú thường tạm tổ địa chỉ đường phố phường xã khu ấp thôn bản ' +
    'tỉnh huyện vợ chồng con cháu mẹ cha bố anh chị em khác đầy đủ hạn chế mất năm tháng ghi chú ' +
    'người dân cử tri danh sách đại diện'
  ).split(' '),
);

/** Scores at most `limit` non-ASCII words: enough to tell encodings apart, cheap on big files. */
export function scoreVietnamese(text: string, limit = 2000): SyllableScore {
  let scored = 0;
  let valid = 0;
  let common = 0;
  for (const token of text.split(/[\s,;|"'()[\]{}<>/\\]+/)) {
    if (!NON_ASCII.test(token)) continue;
    const word = token.replace(EDGE_PUNCTUATION, '');
    if (word === '') continue;
    scored++;
    if (isVietnameseSyllable(word)) {
      valid++;
      if (COMMON.has(word.toLowerCase())) common++;
    }
    if (scored >= limit) break;
  }
  return { scored, valid, common };
}

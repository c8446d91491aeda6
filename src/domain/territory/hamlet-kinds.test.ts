import { describe, expect, it } from 'vitest';
import { kindFromName, parseHamletKind, hamletInText } from './hamlet-kinds';

describe('hamlet kinds', () => {
  it('reads kinds as officers type them', () => {
    expect(parseHamletKind('Khu phố')).toBe('khu-pho');
    expect(parseHamletKind('khu pho')).toBe('khu-pho');
    expect(parseHamletKind('TDP')).toBe('to-dan-pho');
    expect(parseHamletKind('Ấp')).toBe('ap');
    expect(parseHamletKind('Làng')).toBe('lang');
    expect(parseHamletKind('phố cổ')).toBeUndefined();
  });
  it('guesses the kind from the name, preferring the longest label', () => {
    expect(kindFromName('Khu phố 3')).toBe('khu-pho');
    expect(kindFromName('Tổ dân phố 12')).toBe('to-dan-pho');
    expect(kindFromName('Thôn Đông')).toBe('thon');
    expect(kindFromName('Xóm Mới')).toBeUndefined();
  });
});

describe('hamletInText: a hamlet named in running text keeps its proper name', () => {
  it('lowers the kind word only', () => {
    expect(hamletInText('Thôn An Hòa')).toBe('thôn An Hòa');
    expect(hamletInText('Ấp Thạnh Hiệp')).toBe('ấp Thạnh Hiệp');
    expect(hamletInText('Khu phố 1')).toBe('khu phố 1');
    expect(hamletInText('Tổ dân phố Đông Hưng')).toBe('tổ dân phố Đông Hưng');
  });
  it('leaves a name without a kind as written', () => {
    expect(hamletInText('Đồng Tâm')).toBe('Đồng Tâm');
  });
});

import { describe, expect, it } from 'vitest';
import { linkTarget, parseInline, parseMarkdown } from './markdown';

describe('the user guide markdown', () => {
  it('reads headings, paragraphs, lists, quotes, tables and pictures', () => {
    const blocks = parseMarkdown(
      [
        '# Chương 1',
        '',
        'Dòng một',
        'nối dòng hai.',
        '',
        '1. Bấm **Lập kế hoạch**.',
        '2. Chọn thôn',
        '   rồi ghi ngày.',
        '- một',
        '',
        '> Căn cứ: Điều 7.',
        '',
        '| tài khoản | vai trò |',
        '| --------- | ------- |',
        '| `quantri` | quản trị |',
        '',
        '![Trang xã](anh/xa-phuong.png)',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Chương 1' },
      { kind: 'paragraph', text: 'Dòng một nối dòng hai.' },
      { kind: 'list', ordered: true, items: ['Bấm **Lập kế hoạch**.', 'Chọn thôn rồi ghi ngày.'] },
      { kind: 'list', ordered: false, items: ['một'] },
      { kind: 'quote', text: 'Căn cứ: Điều 7.' },
      { kind: 'table', head: ['tài khoản', 'vai trò'], rows: [['`quantri`', 'quản trị']] },
      { kind: 'image', alt: 'Trang xã', src: 'anh/xa-phuong.png' },
    ]);
  });

  it('keeps anything else as text: no markup reaches the page', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
    expect(parseInline('a <b>x</b> **đậm `mã`** [chương 2](02-dan-cu.md) b')).toEqual([
      { kind: 'text', text: 'a <b>x</b> ' },
      {
        kind: 'bold',
        children: [
          { kind: 'text', text: 'đậm ' },
          { kind: 'code', text: 'mã' },
        ],
      },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: '02-dan-cu.md', children: [{ kind: 'text', text: 'chương 2' }] },
      { kind: 'text', text: ' b' },
    ]);
  });

  it('sends chapter links to the guide page, web links out, repository files nowhere', () => {
    expect(linkTarget('02-dan-cu.md')).toEqual({ kind: 'chapter', path: '/huong-dan/02-dan-cu' });
    expect(linkTarget('README.md')).toEqual({ kind: 'chapter', path: '/huong-dan' });
    expect(linkTarget('https://example.vn/a')).toEqual({ kind: 'external', href: 'https://example.vn/a' });
    expect(linkTarget('../../README.md')).toEqual({ kind: 'none' });
    expect(linkTarget('javascript:alert(1)')).toEqual({ kind: 'none' });
  });
});

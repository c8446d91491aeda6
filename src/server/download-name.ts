import { asciiSlug } from '../domain/people';

/**
 * The name a downloaded file is saved under: the Vietnamese title folded to ASCII, lowercase, words
 * joined by '-' ("Biên bản kiểm phiếu Khu phố 1.pdf" → "bien-ban-kiem-phieu-khu-pho-1.pdf"), so it
 * reads the same on every phone and computer, and no system mangles a diacritic.
 */
export function downloadName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && dot >= name.length - 5 ? name.slice(dot + 1).toLowerCase() : '';
  const stem = asciiSlug(ext ? name.slice(0, dot) : name)
    .slice(0, 120)
    .replace(/-+$/, '');
  const safeExt = ext.replace(/[^a-z0-9]/g, '');
  return `${stem || 'tai-ve'}${safeExt ? `.${safeExt}` : ''}`;
}

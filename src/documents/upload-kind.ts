/**
 * What an uploaded dossier file really is, judged by its bytes and never by its name or the type the
 * browser claims: a scan (PDF, JPEG, PNG) or a Word document (.docx without macros). Anything else (a
 * web page, a script, a program) is refused, so the registry never serves back active content.
 */
import JSZip from 'jszip';

export interface UploadKind {
  readonly type: string;
  /** The extension the stored name must end with. */
  readonly extension: string;
}

export const PDF: UploadKind = { type: 'application/pdf', extension: 'pdf' };
export const JPEG: UploadKind = { type: 'image/jpeg', extension: 'jpg' };
export const PNG: UploadKind = { type: 'image/png', extension: 'png' };
export const DOCX: UploadKind = {
  type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
export const UPLOAD_KINDS: readonly UploadKind[] = [PDF, JPEG, PNG, DOCX];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export async function uploadKindOf(bytes: Uint8Array): Promise<UploadKind | null> {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const names = Object.keys(zip.files);
      const isWord = names.includes('word/document.xml') && names.includes('[Content_Types].xml');
      // A document with macros is a program in disguise.
      const hasMacros = names.some((n) => /vbaProject\.bin$/i.test(n));
      return isWord && !hasMacros ? DOCX : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The type to serve a stored file with: its own when it is one we accept, otherwise plain bytes. */
export function safeServedType(stored: string): string {
  return UPLOAD_KINDS.some((k) => k.type === stored) ? stored : 'application/octet-stream';
}

/**
 * A stored file name: the last part of whatever path was sent, without control characters or the
 * characters file systems refuse, at most 120 characters, ending with the extension of what the file
 * really is ("../../../../etc/passwd" becomes "passwd.pdf").
 */
export function safeFileName(sent: string, kind: UploadKind, fallback = 'ho-so'): string {
  const last = sent.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const base =
    cleaned
      .replace(/^\.+/, '')
      .replace(/\.[^.]*$/, '')
      .trim()
      .slice(0, 120) || fallback;
  return `${base}.${kind.extension}`;
}

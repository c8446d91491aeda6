import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { formatVerificationCode, verificationPath } from '../../domain/documents';
import type { PdfStamp, StampedPdf } from '../../documents/render-pdf';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { audit, documents as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { Place } from '../common';
import { canManageCommune, canRead, canWritePolling, placeOfCommune, placeOfHamlet } from '../common';

export type DocumentInfo = repo.DocumentInfo;

export interface RenderedFiles {
  readonly docx: Buffer;
  readonly pdf: Buffer;
}

/** The files of an issued document: its PDF carries the verification stamp on every page. */
export interface IssuedFiles {
  readonly docx: Buffer;
  readonly pdf: StampedPdf;
}

export type { PdfStamp };

/** Where residents open the verification pages when the server was not told its public address. */
export const LOCAL_PUBLIC_URL = 'http://localhost:3000';

export interface IssueRequest {
  readonly formId: string;
  readonly title: string;
  /** The issuing body ('commune:24820:ubnd') and the symbol ('QĐ-UBND'); no symbol = unnumbered. */
  readonly issuerKey: string;
  readonly symbol: string | null;
  /** The civil date the document bears; its year restarts the numbering. */
  readonly date: string;
  readonly communeId: string;
  readonly hamletId?: string | null;
  readonly electionId?: string | null;
  /**
   * A document the election team draws up itself (the count record and its leader's result report:
   * QT 2016 Điều 15 k2d, TN 2019 Điều 7 g and Điều 16 d–đ): that election's team members may issue it,
   * besides the commune's officers.
   */
  readonly byElectionTeam?: boolean;
  readonly data: unknown;
  /** Id of the issued document this one replaces (a reissue). */
  readonly replaces?: string | null;
  /**
   * Renders the files once the number and the verification stamp are known, inside the issuing
   * transaction. Only `renderIssuedPdf` makes the stamped PDF this asks for.
   */
  readonly render: (number: number | null, stamp: PdfStamp) => Promise<IssuedFiles>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function placeOf(
  ctx: ServiceContext,
  communeId: string,
  hamletId?: string | null,
): Promise<Place | undefined> {
  return hamletId ? placeOfHamlet(ctx.store.db, hamletId) : placeOfCommune(ctx.store.db, communeId);
}

/**
 * Issues a document: takes the next number of its issuing body for the year, renders both files,
 * and stores data, files and hashes with an audit event, all in one transaction. Stored files are
 * never rewritten; a correction is a reissue that names the document it replaces.
 */
export async function issueDocument(
  ctx: ServiceContext,
  actor: Actor,
  request: IssueRequest,
): Promise<Result<DocumentInfo>> {
  const place = await placeOf(ctx, request.communeId, request.hamletId);
  if (!place || place.communeId !== request.communeId) return err(failures.notFound('nơi ban hành văn bản'));
  const teamIssues =
    request.byElectionTeam === true &&
    !!request.electionId &&
    canWritePolling(actor, place, request.electionId);
  if (!canManageCommune(actor, place) && !teamIssues)
    return err(failures.forbidden('ban hành văn bản cho xã/phường này'));
  let version = 1;
  if (request.replaces) {
    const old = await repo.getDocumentInfo(ctx.store.db, request.replaces);
    if (!old || old.commune_id !== request.communeId) return err(failures.notFound('văn bản được thay thế'));
    if (await repo.isReplaced(ctx.store.db, old.id)) {
      return err(
        failures.conflict(
          'replaces',
          'Văn bản này đã được thay thế bằng một phiên bản mới hơn. Hãy thay thế phiên bản mới nhất.',
        ),
      );
    }
    version = old.version + 1;
  }
  const year = Number(request.date.slice(0, 4));
  const code = formatVerificationCode(randomBytes(8));
  const path = verificationPath(code);
  const info = await writeWithAudit(ctx, actor, async (db) => {
    const number = request.symbol ? await repo.nextNumber(db, request.issuerKey, year, request.symbol) : null;
    // The chain position printed on the paper is the seq of this transaction's own audit event.
    const chainSeq = await audit.nextAuditSeq(db, ctx.store.kind);
    const stamp = { code, path, url: `${ctx.publicUrl ?? LOCAL_PUBLIC_URL}${path}`, chainSeq };
    const files = await request.render(number, stamp);
    const row = {
      id: randomUUID(),
      form_id: request.formId,
      title: request.title,
      issuer_key: request.issuerKey,
      year,
      number,
      symbol: request.symbol,
      commune_id: request.communeId,
      hamlet_id: request.hamletId ?? null,
      election_id: request.electionId ?? null,
      data: JSON.stringify(request.data),
      docx: files.docx,
      pdf: files.pdf,
      docx_sha256: sha256(files.docx),
      pdf_sha256: sha256(files.pdf),
      version,
      replaces_id: request.replaces ?? null,
      issued_at: ctx.now().toISOString(),
      issued_by: actor.userId,
      document_date: request.date,
      verification_code: code,
      chain_seq: chainSeq,
    };
    await repo.insertDocument(db, row);
    const { docx: _d, pdf: _p, data: _data, ...stored } = row;
    return {
      value: stored,
      audit: { action: 'document.issue', entity: 'document', entityId: row.id, data: stored },
    };
  });
  // A paper may be posted minutes after it is issued: its head goes to the witness at once.
  ctx.store.checkpoints?.flush();
  return ok(info);
}

export async function downloadDocument(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
): Promise<Result<{ info: DocumentInfo; bytes: Buffer }>> {
  const info = await repo.getDocumentInfo(ctx.store.db, id);
  if (!info || !info.commune_id) return err(failures.notFound('văn bản này'));
  const place = await placeOf(ctx, info.commune_id, info.hamlet_id);
  if (!place || !(await canRead(ctx.store.db, actor, place)))
    return err(failures.forbidden('tải văn bản này'));
  const file = await repo.getDocumentFile(ctx.store.db, id, format);
  if (!file) return err(failures.notFound('văn bản này'));
  if (sha256(file.bytes) !== file.sha256) {
    return err({
      code: 'integrity',
      message:
        'Tệp văn bản lưu trữ không khớp với mã băm khi ban hành: có thể đã bị sửa. Hãy báo quản trị hệ thống.',
    });
  }
  return ok({ info, bytes: file.bytes });
}

export async function listDocuments(
  ctx: ServiceContext,
  actor: Actor,
  filter: { communeId: string; hamletId?: string },
): Promise<Result<DocumentInfo[]>> {
  const place = await placeOf(ctx, filter.communeId, filter.hamletId);
  if (!place || !(await canRead(ctx.store.db, actor, place)))
    return err(failures.forbidden('xem văn bản của nơi này'));
  return ok(await repo.listDocuments(ctx.store.db, filter));
}

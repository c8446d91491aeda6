import { parseVerificationCode } from '../../domain/documents';
import { documentNumberText } from '../../documents/text';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { PublicVerification } from '../../contract/public-verify';
import { checkIssuedDocument, checkpoints, documents as repo } from '../../store';
import type { ServiceContext } from '../common';
import { failures } from '../common';

/**
 * The public check behind /kiem-tra: no sign-in, so it answers only what the paper itself shows
 * (title, number, date, place, hash, chain position) and whether the record still vouches for it.
 * The checks are the ones that concern this document (its bytes, its row's seal, its issuing event
 * and the checkpoint outside the database), so a lookup stays fast on a national database; the
 * whole chain is `audit verify`'s work.
 */
export async function verifyByCode(ctx: ServiceContext, text: string): Promise<Result<PublicVerification>> {
  const code = parseVerificationCode(text);
  if (!code)
    return err(
      failures.invalid(
        'code',
        'Mã kiểm tra gồm 12 chữ và số, in ở cuối mỗi trang văn bản (ví dụ: 7K3M-Q9XA-2B4C). Hãy nhập lại.',
      ),
    );
  const doc = await repo.findByVerificationCode(ctx.store.db, code);
  if (!doc)
    return err({
      code: 'not-found',
      message:
        'Không có văn bản nào mang mã kiểm tra này trong hồ sơ. Hãy đối chiếu lại từng ký tự với mã in ở cuối trang; nếu đúng mà vẫn không thấy, văn bản này không do hệ thống ban hành.',
    });
  const check = await checkIssuedDocument(ctx.store.db, doc.id);
  const file = ctx.store.checkpoints?.file;
  const witness = await checkpoints.checkCheckpoint(
    ctx.store.db,
    file ? checkpoints.latestCheckpoint(file) : null,
  );
  const problems = [...(check?.problems ?? [])];
  if (witness.problem) problems.push(witness.problem.message);
  const checks = {
    bytes: check?.bytes ?? false,
    record: check?.record ?? false,
    chain: check?.chain ?? false,
    witness: witness.ok,
  };
  return ok({
    code,
    title: doc.title,
    number: doc.symbol ? documentNumberText({ number: doc.number, symbol: doc.symbol }) : null,
    date: doc.document_date,
    commune: doc.commune,
    hamlet: doc.hamlet,
    hash: doc.pdf_sha256,
    chainSeq: doc.chain_seq,
    replaced: await repo.isReplaced(ctx.store.db, doc.id),
    checks,
    matches: checks.bytes && checks.record && checks.chain && checks.witness,
    problems,
  });
}

/** The public verification of a printed document by its code (no sign-in), rate-limited per address. */
import * as contract from '../../contract/public-verify';
import { err } from '../../domain/result';
import { auth, documents } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const publicVerifyRoutes: FeatureRoutes = (app, ctx) => {
  // Codes that do not exist, per address, as failed logins are: guessing codes is refused long
  // before it could find one (60 random bits), and a resident who mistypes a few times is not.
  const misses = auth.createLoginThrottle({
    ...auth.DEFAULT_LOGIN_THROTTLE,
    refusal: (minutes) =>
      `Có quá nhiều lần nhập mã kiểm tra không đúng từ máy này. Hãy thử lại sau ${minutes} phút.`,
  });
  route(app, ctx, contract.verifyDocument, async ({ params }, { request }) => {
    const throttled = misses.check(request.ip, ctx.now());
    if (throttled) return err(throttled);
    const result = await documents.verifyByCode(ctx, params.code);
    if (!result.ok) misses.fail(request.ip, ctx.now());
    return result;
  });
};
export default publicVerifyRoutes;

/** The public verification of a printed document by its code (no sign-in), rate-limited per address. */
import * as contract from '../../contract/public-verify';
import { documents } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';
import { VERIFY_LIMIT } from '../rate-limits';

const publicVerifyRoutes: FeatureRoutes = (app, ctx) => {
  // Guessing codes is refused long before it could find one (60 random bits); a resident who
  // mistypes a few times, or an office checking a stack of documents, is not.
  route(app, ctx, contract.verifyDocument, ({ params }) => documents.verifyByCode(ctx, params.code), {
    perAddress: VERIFY_LIMIT,
  });
};
export default publicVerifyRoutes;

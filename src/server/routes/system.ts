/** The server's health, public for monitoring: route of the `system` contract. */
import * as contract from '../../contract/system';
import { ok } from '../../domain/result';
import { health } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const systemRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.health, async () => ok(await health(ctx)));
};
export default systemRoutes;

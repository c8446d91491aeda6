import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const RemovalPage = lazyPage(() => import('./RemovalPage'), 'RemovalPage');

export const routes: FeatureRoute[] = [{ path: '/xa/:id/cho-thoi-lam', element: () => <RemovalPage /> }];

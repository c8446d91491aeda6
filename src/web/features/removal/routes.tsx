import type { FeatureRoute } from '../../shared/routing';
import { RemovalPage } from './RemovalPage';

export const routes: FeatureRoute[] = [{ path: '/xa/:id/cho-thoi-lam', element: () => <RemovalPage /> }];

import { lazyPage } from '../../shared/routing';
import type { FeatureRoute, PublicRoute } from '../../shared/routing';

const GuidePage = lazyPage(() => import('./GuidePage'), 'GuidePage');

export const routes: FeatureRoute[] = [];

/** The user guide is read before signing in too: by whoever is given an account, on any device. */
export const publicRoutes: PublicRoute[] = [
  { path: '/huong-dan', element: () => <GuidePage /> },
  { path: '/huong-dan/:chapter', element: () => <GuidePage /> },
];

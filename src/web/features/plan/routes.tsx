import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const ElectionPage = lazyPage(() => import('./ElectionPage'), 'ElectionPage');
const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');
const PlanRoundPage = lazyPage(() => import('./PlanRoundPage'), 'PlanRoundPage');

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/ke-hoach', element: () => <PlanPage /> },
  { path: '/ke-hoach/:id', element: () => <PlanRoundPage /> },
  { path: '/bau-cu/:id', element: () => <ElectionPage /> },
];

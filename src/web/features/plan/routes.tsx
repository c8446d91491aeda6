import type { FeatureRoute } from '../../shared/routing';
import { ElectionPage } from './ElectionPage';
import { PlanPage } from './PlanPage';
import { PlanRoundPage } from './PlanRoundPage';

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/ke-hoach', element: () => <PlanPage /> },
  { path: '/ke-hoach/:id', element: () => <PlanRoundPage /> },
  { path: '/bau-cu/:id', element: () => <ElectionPage /> },
];

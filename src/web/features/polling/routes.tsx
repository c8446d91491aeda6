import type { FeatureRoute } from '../../shared/routing';
import { PollingPage } from './PollingPage';
import { TurnoutPage } from './TurnoutPage';

export const routes: FeatureRoute[] = [
  { path: '/bau-cu/:id/bo-phieu', element: () => <PollingPage /> },
  { path: '/bau-cu/:id/bo-phieu/ty-le', element: () => <TurnoutPage /> },
];

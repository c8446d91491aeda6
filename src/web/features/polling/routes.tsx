import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const PollingPage = lazyPage(() => import('./PollingPage'), 'PollingPage');
const TurnoutPage = lazyPage(() => import('./TurnoutPage'), 'TurnoutPage');

export const routes: FeatureRoute[] = [
  { path: '/bau-cu/:id/bo-phieu', element: (s) => <PollingPage userId={s.me.user.userId} /> },
  { path: '/bau-cu/:id/bo-phieu/ty-le', element: () => <TurnoutPage /> },
];

import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const CountElectionPage = lazyPage(() => import('./CountElectionPage'), 'CountElectionPage');
const CountEntryPage = lazyPage(() => import('./CountEntryPage'), 'CountEntryPage');
const CountPage = lazyPage(() => import('./CountPage'), 'CountPage');

export const routes: FeatureRoute[] = [
  { path: '/bau-cu/:id/kiem-phieu', element: () => <CountElectionPage /> },
  { path: '/kiem-phieu/:id', element: () => <CountPage /> },
  {
    path: '/kiem-phieu/:id/tap/:batchId/luot/:lane',
    element: (s) => <CountEntryPage userId={s.me.user.userId} />,
  },
];

import type { FeatureRoute } from '../../shared/routing';
import { CountElectionPage } from './CountElectionPage';
import { CountEntryPage } from './CountEntryPage';
import { CountPage } from './CountPage';

export const routes: FeatureRoute[] = [
  { path: '/bau-cu/:id/kiem-phieu', element: () => <CountElectionPage /> },
  { path: '/kiem-phieu/:id', element: () => <CountPage /> },
  { path: '/kiem-phieu/:id/tap/:batchId/luot/:lane', element: () => <CountEntryPage /> },
];

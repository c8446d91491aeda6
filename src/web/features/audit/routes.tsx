import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const AuditTrailPage = lazyPage(() => import('./AuditTrailPage'), 'AuditTrailPage');

export const routes: FeatureRoute[] = [
  { path: '/bau-cu/:id/nhat-ky', element: () => <AuditTrailPage kind="election" /> },
  { path: '/thon/:id/nhat-ky', element: () => <AuditTrailPage kind="hamlet" /> },
  { path: '/xa/:id/nhat-ky', element: () => <AuditTrailPage kind="commune" /> },
];

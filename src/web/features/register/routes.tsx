import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const RegisterHistoryPage = lazyPage(() => import('./RegisterHistoryPage'), 'RegisterHistoryPage');

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/lich-su-thon', element: () => <RegisterHistoryPage /> },
];

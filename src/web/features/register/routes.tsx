import type { FeatureRoute } from '../../shared/routing';
import { RegisterHistoryPage } from './RegisterHistoryPage';

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/lich-su-thon', element: () => <RegisterHistoryPage /> },
];

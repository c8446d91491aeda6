import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const DashboardCommune = lazyPage(() => import('./DashboardCommune'), 'DashboardCommune');
const SearchPage = lazyPage(() => import('./SearchPage'), 'SearchPage');

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/tien-do', element: () => <DashboardCommune /> },
  { path: '/tim-kiem', element: () => <SearchPage /> },
];

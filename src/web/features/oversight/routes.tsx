import type { FeatureRoute } from '../../shared/routing';
import { DashboardCommune } from './DashboardCommune';
import { SearchPage } from './SearchPage';

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/tien-do', element: () => <DashboardCommune /> },
  { path: '/tim-kiem', element: () => <SearchPage /> },
];

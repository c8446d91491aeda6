import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const HouseholdPage = lazyPage(() => import('./HouseholdPage'), 'HouseholdPage');
const ImportResidentsPage = lazyPage(() => import('./ImportResidentsPage'), 'ImportResidentsPage');
const ResidentsDetailPage = lazyPage(() => import('./ResidentsDetailPage'), 'ResidentsDetailPage');
const ResidentsPage = lazyPage(() => import('./ResidentsPage'), 'ResidentsPage');

export const routes: FeatureRoute[] = [
  { path: '/thon/:id/nhan-khau/nhap', element: () => <ImportResidentsPage /> },
  { path: '/thon/:id/nhan-khau', element: () => <ResidentsPage /> },
  { path: '/nhan-khau/:id', element: () => <ResidentsDetailPage /> },
  { path: '/ho/:id', element: () => <HouseholdPage /> },
];

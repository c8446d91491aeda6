import type { FeatureRoute } from '../../shared/routing';
import { HouseholdPage } from './HouseholdPage';
import { ImportResidentsPage } from './ImportResidentsPage';
import { ResidentsDetailPage } from './ResidentsDetailPage';
import { ResidentsPage } from './ResidentsPage';

export const routes: FeatureRoute[] = [
  { path: '/thon/:id/nhan-khau/nhap', element: () => <ImportResidentsPage /> },
  { path: '/thon/:id/nhan-khau', element: () => <ResidentsPage /> },
  { path: '/nhan-khau/:id', element: () => <ResidentsDetailPage /> },
  { path: '/ho/:id', element: () => <HouseholdPage /> },
];

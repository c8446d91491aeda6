import type { FeatureRoute } from '../../shared/routing';
import { CommunePage } from './CommunePage';
import { HamletPage } from './HamletPage';
import { ProvincePage, ProvincesPage } from './ProvincePage';

export const routes: FeatureRoute[] = [
  { path: '/tinh', element: (s) => <ProvincesPage me={s.me} /> },
  { path: '/tinh/:code', element: () => <ProvincePage /> },
  { path: '/xa/:id', element: () => <CommunePage /> },
  { path: '/thon/:id', element: () => <HamletPage /> },
];

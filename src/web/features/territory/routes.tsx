import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const CommunePage = lazyPage(() => import('./CommunePage'), 'CommunePage');
const HamletPage = lazyPage(() => import('./HamletPage'), 'HamletPage');
const ProvincePage = lazyPage(() => import('./ProvincePage'), 'ProvincePage');
const ProvincesPage = lazyPage(() => import('./ProvincePage'), 'ProvincesPage');

export const routes: FeatureRoute[] = [
  { path: '/tinh', element: (s) => <ProvincesPage me={s.me} /> },
  { path: '/tinh/:code', element: () => <ProvincePage /> },
  { path: '/xa/:id', element: () => <CommunePage /> },
  { path: '/thon/:id', element: () => <HamletPage /> },
];

import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const OfficePage = lazyPage(() => import('./OfficePage'), 'OfficePage');
const RecognitionPage = lazyPage(() => import('./RecognitionPage'), 'RecognitionPage');

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/nguoi-giu-chuc', element: () => <OfficePage /> },
  { path: '/xa/:id/cong-nhan', element: () => <RecognitionPage /> },
];

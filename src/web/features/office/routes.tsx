import type { FeatureRoute } from '../../shared/routing';
import { OfficePage } from './OfficePage';
import { RecognitionPage } from './RecognitionPage';

export const routes: FeatureRoute[] = [
  { path: '/xa/:id/nguoi-giu-chuc', element: () => <OfficePage /> },
  { path: '/xa/:id/cong-nhan', element: () => <RecognitionPage /> },
];

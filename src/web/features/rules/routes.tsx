import type { FeatureRoute } from '../../shared/routing';
import { RulesPage } from './RulesPage';

export const routes: FeatureRoute[] = [
  { path: '/quy-tac', element: () => <RulesPage /> },
  { path: '/quy-tac/:id', element: () => <RulesPage /> },
];

import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const RulesPage = lazyPage(() => import('./RulesPage'), 'RulesPage');

export const routes: FeatureRoute[] = [
  { path: '/quy-tac', element: () => <RulesPage /> },
  { path: '/quy-tac/:id', element: () => <RulesPage /> },
];

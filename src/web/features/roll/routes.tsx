import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const RollPage = lazyPage(() => import('./RollPage'), 'RollPage');

export const routes: FeatureRoute[] = [{ path: '/bau-cu/:id/danh-sach-cu-tri', element: () => <RollPage /> }];

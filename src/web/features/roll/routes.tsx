import type { FeatureRoute } from '../../shared/routing';
import { RollPage } from './RollPage';

export const routes: FeatureRoute[] = [{ path: '/bau-cu/:id/danh-sach-cu-tri', element: () => <RollPage /> }];

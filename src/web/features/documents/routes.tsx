import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const DocumentsPage = lazyPage(() => import('./DocumentsPage'), 'DocumentsPage');

export const routes: FeatureRoute[] = [{ path: '/xa/:id/van-ban', element: () => <DocumentsPage /> }];

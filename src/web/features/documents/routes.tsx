import type { FeatureRoute } from '../../shared/routing';
import { DocumentsPage } from './DocumentsPage';

export const routes: FeatureRoute[] = [{ path: '/xa/:id/van-ban', element: () => <DocumentsPage /> }];

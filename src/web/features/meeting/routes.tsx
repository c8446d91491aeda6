import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const MeetingDayPage = lazyPage(() => import('./MeetingDayPage'), 'MeetingDayPage');

export const routes: FeatureRoute[] = [{ path: '/bau-cu/:id/hoi-nghi', element: () => <MeetingDayPage /> }];

import type { FeatureRoute } from '../../shared/routing';
import { MeetingDayPage } from './MeetingDayPage';

export const routes: FeatureRoute[] = [{ path: '/bau-cu/:id/hoi-nghi', element: () => <MeetingDayPage /> }];

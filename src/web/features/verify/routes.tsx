import type { FeatureRoute, PublicRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const VerifyPage = lazyPage(() => import('./VerifyPage'), 'VerifyPage');

export const routes: FeatureRoute[] = [];

/** Open to anyone, no sign-in: the page a verification code or its QR opens. */
export const publicRoutes: PublicRoute[] = [
  { path: '/kiem-tra', element: () => <VerifyPage /> },
  { path: '/kiem-tra/:code', element: () => <VerifyPage /> },
];

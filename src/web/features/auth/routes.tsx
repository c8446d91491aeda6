import type { FeatureRoute } from '../../shared/routing';
import { lazyPage } from '../../shared/routing';

const AccountPage = lazyPage(() => import('./AccountPage'), 'AccountPage');
const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

export const routes: FeatureRoute[] = [
  { path: '/quan-tri/nguoi-dung', element: () => <UsersPage /> },
  {
    path: '/tai-khoan',
    element: (s) => <AccountPage me={s.me} onLoggedOut={s.loggedOut} onChanged={s.refreshMe} />,
  },
];

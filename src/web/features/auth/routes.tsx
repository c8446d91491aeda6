import type { FeatureRoute } from '../../shared/routing';
import { AccountPage } from './AccountPage';
import { UsersPage } from './UsersPage';

export const routes: FeatureRoute[] = [
  { path: '/quan-tri/nguoi-dung', element: () => <UsersPage /> },
  {
    path: '/tai-khoan',
    element: (s) => <AccountPage me={s.me} onLoggedOut={s.loggedOut} onChanged={s.refreshMe} />,
  },
];

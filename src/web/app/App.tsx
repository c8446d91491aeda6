import { Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes, matchPath, useLocation, useNavigate } from 'react-router';
import * as auth from '../../contract/auth';
import type { Me } from '../../contract/auth';
import type { FeatureRoute, PublicRoute, Session } from '../shared/routing';
import { call } from '../shared/client';
import { queryClient } from '../shared/query';
import { Layout } from './Layout';
import { Status } from '../shared/Status';
import { LoginPage } from '../features/auth/LoginPage';
import { forgetSentRecords } from '../shared/outbox';
import { forgetOfflineReads } from './service-worker';

// Every feature's pages, found at build time: adding a page edits only its feature's routes.tsx.
const features = Object.values(
  import.meta.glob<{ routes: FeatureRoute[]; publicRoutes?: PublicRoute[] }>('../features/*/routes.tsx', {
    eager: true,
  }),
);
const featureRoutes: FeatureRoute[] = features.flatMap((m) => m.routes);
const publicRoutes: PublicRoute[] = features.flatMap((m) => m.publicRoutes ?? []);

function homePath(me: Me): string {
  switch (me.home.kind) {
    case 'all':
      return '/tinh';
    case 'province':
      return `/tinh/${me.home.provinceCode}`;
    case 'commune':
      return `/xa/${me.home.communeId}`;
    case 'hamlet':
      return `/thon/${me.home.hamletId}`;
  }
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isPublic = publicRoutes.some((r) => matchPath(r.path, pathname));
  // Without a session (401), or when the server cannot be reached, the login page shows.
  useEffect(() => {
    if (isPublic) return;
    call(auth.getMe, {}).then(setMe, () => setMe(null));
  }, [isPublic]);
  // What one user read must not show to the next one signing in on this browser: the reads in
  // memory, the reads the service worker kept for offline use, and the copies the offline queues
  // kept (their writes still waiting stay, for the same user: shared/outbox.ts).
  const signedOut = useCallback(() => {
    const who = me?.user.userId;
    queryClient.clear();
    void forgetOfflineReads();
    if (who) void forgetSentRecords(who).catch(() => undefined);
    setMe(null);
  }, [me]);

  if (isPublic) {
    return (
      <Suspense fallback={<Status load={{ state: 'loading' }} />}>
        <Routes>
          {publicRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element()} />
          ))}
        </Routes>
      </Suspense>
    );
  }
  if (me === undefined) return <Status load={{ state: 'loading' }} />;
  if (me === null) {
    return (
      <LoginPage
        onLogin={(m) => {
          // Kept reads of an earlier session go; /api/me is read once more so that the service
          // worker keeps this session's, and the app reopens offline for this user.
          void forgetOfflineReads().then(() => call(auth.getMe, {}).catch(() => undefined));
          setMe(m);
          void navigate(homePath(m));
        }}
      />
    );
  }
  const logout = () => {
    void call(auth.logout, {})
      .catch(() => undefined)
      .then(() => {
        signedOut();
        void navigate('/');
      });
  };
  const session: Session = {
    me,
    loggedOut: signedOut,
    refreshMe: () => void call(auth.getMe, {}).then(setMe),
  };
  return (
    <Layout me={me} onLogout={logout} homePath={homePath(me)}>
      {/* A page's code arrives on its first visit (lazyPage): the shell stays while it loads. */}
      <Suspense fallback={<Status load={{ state: 'loading' }} />}>
        <Routes>
          <Route path="/" element={<Navigate to={homePath(me)} replace />} />
          {featureRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element(session)} />
          ))}
          <Route path="*" element={<Navigate to={homePath(me)} replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { api, ApiError } from './api';
import type { Me } from './api';
import { Layout } from './Layout';
import { Status } from './Status';
import { AccountPage } from './pages/AccountPage';
import { CommunePage } from './pages/CommunePage';
import { HamletPage } from './pages/HamletPage';
import { ImportResidentsPage } from './pages/ImportResidentsPage';
import { HouseholdPage } from './pages/HouseholdPage';
import { ResidentsDetailPage } from './pages/ResidentsDetailPage';
import { ResidentsPage } from './pages/ResidentsPage';
import { LoginPage } from './pages/LoginPage';
import { ProvincePage, ProvincesPage } from './pages/ProvincePage';
import { DashboardCommune } from './pages/DashboardCommune';
import { SearchPage } from './pages/SearchPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ElectionPage } from './pages/ElectionPage';
import { CountElectionPage } from './pages/CountElectionPage';
import { CountEntryPage } from './pages/CountEntryPage';
import { CountPage } from './pages/CountPage';
import { PollingPage } from './pages/PollingPage';
import { TurnoutPage } from './pages/TurnoutPage';
import { MeetingDayPage } from './pages/MeetingDayPage';
import { PlanPage } from './pages/PlanPage';
import { PlanRoundPage } from './pages/PlanRoundPage';
import { RollPage } from './pages/RollPage';
import { RulesPage } from './pages/RulesPage';
import { UsersPage } from './pages/UsersPage';
import { OfficePage } from './pages/OfficePage';
import { RecognitionPage } from './pages/RecognitionPage';
import { RemovalPage } from './pages/RemovalPage';
import { RegisterHistoryPage } from './pages/RegisterHistoryPage';
import { AuditTrailPage } from './pages/AuditTrailPage';

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
  useEffect(() => {
    api.get<Me>('/api/me').then(setMe, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else setMe(null);
    });
  }, []);

  if (me === undefined) return <Status load={{ state: 'loading' }} />;
  if (me === null) {
    return (
      <LoginPage
        onLogin={(m) => {
          setMe(m);
          void navigate(homePath(m));
        }}
      />
    );
  }
  const logout = () => {
    void api.post('/api/auth/logout').finally(() => {
      setMe(null);
      void navigate('/');
    });
  };
  return (
    <Layout me={me} onLogout={logout} homePath={homePath(me)}>
      <Routes>
        <Route path="/" element={<Navigate to={homePath(me)} replace />} />
        <Route path="/tinh" element={<ProvincesPage me={me} />} />
        <Route path="/tinh/:code" element={<ProvincePage />} />
        <Route path="/xa/:id" element={<CommunePage />} />
        <Route path="/xa/:id/van-ban" element={<DocumentsPage />} />
        <Route path="/xa/:id/tien-do" element={<DashboardCommune />} />
        <Route path="/tim-kiem" element={<SearchPage />} />
        <Route path="/thon/:id" element={<HamletPage />} />
        <Route path="/thon/:id/nhan-khau/nhap" element={<ImportResidentsPage />} />
        <Route path="/thon/:id/nhan-khau" element={<ResidentsPage />} />
        <Route path="/nhan-khau/:id" element={<ResidentsDetailPage />} />
        <Route path="/ho/:id" element={<HouseholdPage />} />
        <Route path="/quan-tri/nguoi-dung" element={<UsersPage />} />
        <Route path="/xa/:id/ke-hoach" element={<PlanPage />} />
        <Route path="/ke-hoach/:id" element={<PlanRoundPage />} />
        <Route path="/bau-cu/:id" element={<ElectionPage />} />
        <Route path="/bau-cu/:id/danh-sach-cu-tri" element={<RollPage />} />
        <Route path="/bau-cu/:id/kiem-phieu" element={<CountElectionPage />} />
        <Route path="/bau-cu/:id/bo-phieu" element={<PollingPage />} />
        <Route path="/bau-cu/:id/bo-phieu/ty-le" element={<TurnoutPage />} />
        <Route path="/bau-cu/:id/hoi-nghi" element={<MeetingDayPage />} />
        <Route path="/kiem-phieu/:id" element={<CountPage />} />
        <Route path="/kiem-phieu/:id/tap/:batchId/luot/:lane" element={<CountEntryPage />} />
        <Route path="/quy-tac" element={<RulesPage />} />
        <Route
          path="/tai-khoan"
          element={
            <AccountPage
              me={me}
              onLoggedOut={() => setMe(null)}
              onChanged={() => void api.get<Me>('/api/me').then(setMe)}
            />
          }
        />
        <Route path="/quy-tac/:id" element={<RulesPage />} />
        <Route path="/xa/:id/nguoi-giu-chuc" element={<OfficePage />} />
        <Route path="/xa/:id/cong-nhan" element={<RecognitionPage />} />
        <Route path="/xa/:id/cho-thoi-lam" element={<RemovalPage />} />
        <Route path="/xa/:id/lich-su-thon" element={<RegisterHistoryPage />} />
        <Route path="/bau-cu/:id/nhat-ky" element={<AuditTrailPage kind="election" />} />
        <Route path="/thon/:id/nhat-ky" element={<AuditTrailPage kind="hamlet" />} />
        <Route path="/xa/:id/nhat-ky" element={<AuditTrailPage kind="commune" />} />
        <Route path="*" element={<Navigate to={homePath(me)} replace />} />
      </Routes>
    </Layout>
  );
}

import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { FullPageSpin } from './FullPageSpin';
import { Forbidden, NotFound } from './ErrorPages';
import { Shell } from './Shell';
import { useSession } from './session';
import type { Permission } from './types';

// One chunk per screen: the login page does not download the tables and trees.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const TotpEnrolmentPage = lazy(() => import('../features/auth/TotpEnrolmentPage'));
const PasswordChangePage = lazy(() => import('../features/auth/PasswordChangePage'));
const HomePage = lazy(() => import('../features/account/HomePage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const AgenciesPage = lazy(() => import('../features/agencies/AgenciesPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <Forbidden />;
}

export function AppRoutes() {
  const { me } = useSession();
  const location = useLocation();

  if (me === undefined) return <FullPageSpin />;

  if (me === null) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="*"
            element={
              <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
            }
          />
        </Routes>
      </Suspense>
    );
  }

  // An administrator without a second factor may do nothing else until it is enrolled.
  if (me.mfaEnrollmentRequired) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <TotpEnrolmentPage />
      </Suspense>
    );
  }

  // A password an administrator set is changed before anything else (the server insists too).
  if (me.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <PasswordChangePage />
      </Suspense>
    );
  }

  const isCitizen = me.kind === 'citizen';
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/" replace />} />
      <Route element={<Shell />}>
        <Route index element={isCitizen ? <Navigate to="/account" replace /> : <HomePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route
          path="agencies"
          element={
            <Guard permission="agency.read">
              <AgenciesPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard permission="identity.user.read">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="users/:id"
          element={
            <Guard permission="identity.user.read">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="calendar"
          element={
            <Guard permission="calendar.read">
              <CalendarPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

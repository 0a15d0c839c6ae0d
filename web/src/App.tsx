import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, call } from './api/client';
import { ChannelAlerts } from './ChannelAlerts';
import { useRealtime } from './realtime';
import { Link, usePath } from './router';
import { ConversationScreen } from './screens/ConversationScreen';
import { InboxScreen } from './screens/InboxScreen';
import { SignInScreen } from './screens/SignInScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { Shortcuts } from './Shortcuts';
import { useMe, type Me } from './session';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

// Only owners and admins open the settings: their code is loaded when they do.
const SettingsScreen = lazy(() => import('./screens/SettingsScreen'));

export function App() {
  const me = useMe();
  if (me.isPending) return <p className="loading">Loading…</p>;
  if (me.isError) return <p role="alert">Earshot could not be reached: {me.error.message}</p>;
  if (!me.data) return <SignInScreen />;
  // A switch of workspace starts the shell afresh: a new socket, nothing of the last one on screen.
  return <Shell key={me.data.workspace.id} me={me.data} />;
}

function Shell({ me }: { me: Me }) {
  const path = usePath();
  const live = useRealtime(true);
  const queries = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call(api.POST('/auth/logout')),
    // Signed out first, so the screens unmount; then nothing of the session stays in memory.
    onSuccess: () => {
      queries.setQueryData(['me'], null);
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
  const conversation = /^\/conversations\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Earshot</span>
        <nav aria-label="Main">
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            Inbox
          </Link>
          {supervises(me) && (
            <Link href="/supervisor" aria-current={path === '/supervisor' ? 'page' : undefined}>
              Supervisor
            </Link>
          )}
          {administers(me) && (
            <Link href="/settings" aria-current={path.startsWith('/settings') ? 'page' : undefined}>
              Settings
            </Link>
          )}
        </nav>
        <span className={`live live-${live}`} role="status">
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline, reconnecting'}
        </span>
        <WorkspaceSwitcher me={me} />
        <span className="muted hint-keys">
          Press <kbd>?</kbd> for shortcuts
        </span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {administers(me) && <ChannelAlerts />}
        {conversation ? (
          <ConversationScreen id={conversation} />
        ) : path.startsWith('/settings') && administers(me) ? (
          <Suspense fallback={<p>Loading the settings…</p>}>
            <SettingsScreen />
          </Suspense>
        ) : path === '/supervisor' && supervises(me) ? (
          <SupervisorScreen />
        ) : (
          <InboxScreen />
        )}
      </main>
      <Shortcuts />
    </>
  );
}

/** Roles that lead people: the supervisor screen is theirs. */
const supervises = (me: Me) => ['owner', 'admin', 'supervisor', 'executive'].includes(me.workspace.role);

/** Roles that may manage teams and keys: the settings screen is theirs. */
const administers = (me: Me) => ['owner', 'admin'].includes(me.workspace.role);

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from './api/client';
import { useRealtime } from './realtime';
import { Link, usePath } from './router';
import { ConversationScreen } from './screens/ConversationScreen';
import { InboxScreen } from './screens/InboxScreen';
import { SignInScreen } from './screens/SignInScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { Shortcuts } from './Shortcuts';
import { useMe, type Me } from './session';

export function App() {
  const me = useMe();
  if (me.isPending) return <p className="loading">Loading…</p>;
  if (me.isError) return <p role="alert">Earshot could not be reached: {me.error.message}</p>;
  if (!me.data) return <SignInScreen />;
  return <Shell me={me.data} />;
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
            <Link href="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
              Settings
            </Link>
          )}
        </nav>
        <span className={`live live-${live}`} role="status">
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline, reconnecting'}
        </span>
        <span className="who">
          {me.user.name ?? me.user.email} · {me.workspace.name}
        </span>
        <span className="muted hint-keys">
          Press <kbd>?</kbd> for shortcuts
        </span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {conversation ? (
          <ConversationScreen id={conversation} />
        ) : path === '/settings' && administers(me) ? (
          <SettingsScreen />
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

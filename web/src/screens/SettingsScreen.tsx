import { Link, usePath } from '../router';
import { ApiKeysSettings } from './settings/ApiKeysSettings';
import { MailboxSettings } from './settings/MailboxSettings';
import { ReviewSourceSettings } from './settings/ReviewSourceSettings';
import { PhoneLineSettings } from './settings/PhoneLineSettings';
import { RubricSettings } from './settings/RubricSettings';
import { TeamsSettings } from './settings/TeamsSettings';
import { UsersSettings } from './settings/UsersSettings';
import { WidgetSettings } from './settings/WidgetSettings';

// Each part of the settings has its own address, so a link or the back button lands on it.
const parts = [
  { path: '/settings', label: 'Users and roles', Screen: UsersSettings },
  { path: '/settings/teams', label: 'Teams', Screen: TeamsSettings },
  { path: '/settings/api-keys', label: 'API keys', Screen: ApiKeysSettings },
  { path: '/settings/rubric', label: 'Rubric', Screen: RubricSettings },
  { path: '/settings/mailboxes', label: 'Email mailboxes', Screen: MailboxSettings },
  { path: '/settings/reviews', label: 'Reviews', Screen: ReviewSourceSettings },
  { path: '/settings/phone', label: 'Phone lines', Screen: PhoneLineSettings },
  { path: '/settings/chat-widget', label: 'Chat widget', Screen: WidgetSettings },
] as const;

export default function SettingsScreen() {
  const path = usePath();
  const part = parts.find((p) => p.path === path) ?? parts[0];
  return (
    <>
      <h1>Settings</h1>
      <nav aria-label="Settings" className="views">
        {parts.map((p) => (
          <Link key={p.path} href={p.path} aria-current={p === part ? 'page' : undefined}>
            {p.label}
          </Link>
        ))}
      </nav>
      <part.Screen />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api, call } from './api/client';
import { Link } from './router';

// An administrator hears of a review source whose feed refused its credentials on every screen,
// not only in Settings: the source fetches nothing until they act. The realtime socket refreshes
// the list the moment a source breaks (the `reviews.*` events), and once it is fixed.
export function ChannelAlerts() {
  const sources = useQuery({
    queryKey: ['review-sources'],
    queryFn: () => call(api.GET('/channels/reviews')),
  });
  const broken = sources.data?.data.filter((s) => s.status === 'needs_reauth') ?? [];
  if (!broken.length) return null;
  return (
    <div role="alert" className="form-error">
      {broken.map((s) => (
        <p key={s.id}>
          The review source {s.name} receives nothing: its feed refused the credentials.{' '}
          <Link href="/settings/reviews">Enter new ones</Link>
        </p>
      ))}
    </div>
  );
}

-- The inbox's pages on a large workspace, for EXPLAIN (ANALYZE, BUFFERS): run on a migrated database
-- of its own, `psql DATABASE_URL -f bench/inbox-pages.sql` (see README, "The conversation's update made HOT").
-- 100,000 conversations in one workspace, activity spread over 90 days, plus a busy last hour.
BEGIN;
INSERT INTO workspaces (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Big') ON CONFLICT DO NOTHING;
INSERT INTO customers (id, workspace_id, name) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'C') ON CONFLICT DO NOTHING;
INSERT INTO users (id, email, name)
  SELECT ('00000000-0000-4000-8001-' || lpad(i::text, 12, '0'))::uuid, 'u' || i || '@x.test', 'U' || i FROM generate_series(1, 20) i ON CONFLICT DO NOTHING;
INSERT INTO teams (id, workspace_id, name)
  SELECT ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001', 'T' || i FROM generate_series(1, 5) i ON CONFLICT DO NOTHING;
INSERT INTO conversations (workspace_id, display_id, customer_id, channel, status, assignee_id, team_id, message_count, last_activity_at, created_at)
SELECT '00000000-0000-4000-8000-000000000001', i, '00000000-0000-4000-8000-000000000002', 'chat',
  (ARRAY['open','open','pending','waiting_on_customer','resolved','resolved','closed'])[1 + i % 7],
  CASE WHEN i % 4 = 0 THEN NULL ELSE ('00000000-0000-4000-8001-' || lpad((1 + i % 20)::text, 12, '0'))::uuid END,
  ('00000000-0000-4000-8002-' || lpad((1 + i % 5)::text, 12, '0'))::uuid,
  3,
  -- 2% in the last hour (a busy hour: 2,000 conversations), the rest over 90 days; whole seconds
  -- for some, so ties on the time are common
  CASE WHEN i % 50 = 0 THEN now() - random() * interval '1 hour'
       WHEN i % 3 = 0 THEN date_trunc('second', now() - random() * interval '90 days')
       ELSE now() - random() * interval '90 days' END,
  now() - interval '91 days'
FROM generate_series(1, 100000) i;
COMMIT;
ANALYZE conversations;
\set ws '''00000000-0000-4000-8000-000000000001'''
SELECT last_activity_at AS deep_at, id AS deep_id FROM conversations WHERE status='open' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC OFFSET 10000 LIMIT 1 \gset
\echo == open, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'open' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26;
\echo == open, page after the 10,000th
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'open' AND (last_activity_at, id) < (:'deep_at'::timestamptz, :'deep_id'::uuid) AND activity_hour <= date_bin('1 hour', :'deep_at'::timestamptz, '2000-01-01T00:00:00Z'::timestamptz) ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26;
\echo == assignee, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM conversations WHERE workspace_id = :ws AND assignee_id = '00000000-0000-4000-8001-000000000003' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26;
\echo == team, page after the 10,000th open
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM conversations WHERE workspace_id = :ws AND team_id = '00000000-0000-4000-8002-000000000002' AND (last_activity_at, id) < (:'deep_at'::timestamptz, :'deep_id'::uuid) AND activity_hour <= date_bin('1 hour', :'deep_at'::timestamptz, '2000-01-01T00:00:00Z'::timestamptz) ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26;
\echo == whole inbox, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) (SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'open' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26) UNION ALL (SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'pending' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26) UNION ALL (SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'waiting_on_customer' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26) UNION ALL (SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'resolved' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26) UNION ALL (SELECT * FROM conversations WHERE workspace_id = :ws AND status = 'closed' ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26) ORDER BY activity_hour DESC, last_activity_at DESC, id DESC LIMIT 26;

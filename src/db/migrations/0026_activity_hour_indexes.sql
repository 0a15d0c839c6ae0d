-- The inbox's indexes hold the hour of the last activity instead of its time (see activity_hour in
-- the conversations schema): a message's update of its conversation then changes no indexed
-- column within the hour, and is a HOT update (no entry in any of the table's six indexes).
DROP INDEX "conversations_inbox_idx";--> statement-breakpoint
DROP INDEX "conversations_assignee_idx";--> statement-breakpoint
DROP INDEX "conversations_team_idx";--> statement-breakpoint
-- Room on each page for a conversation's next version beside it, which a HOT update needs: set
-- before the column is added, so that the rewrite adding it leaves the room on every page.
ALTER TABLE "conversations" SET (fillfactor = 90);--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "activity_hour" timestamp (3) with time zone GENERATED ALWAYS AS (date_bin('1 hour', last_activity_at, '2000-01-01T00:00:00Z'::timestamptz)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "conversations_inbox_idx" ON "conversations" USING btree ("workspace_id","status","activity_hour" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_assignee_idx" ON "conversations" USING btree ("workspace_id","assignee_id","activity_hour" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_team_idx" ON "conversations" USING btree ("workspace_id","team_id","activity_hour" DESC NULLS FIRST);

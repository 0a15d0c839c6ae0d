DROP INDEX "conversations_activity_idx";--> statement-breakpoint
DROP INDEX "conversations_inbox_idx";--> statement-breakpoint
DROP INDEX "conversations_assignee_idx";--> statement-breakpoint
DROP INDEX "conversations_team_idx";--> statement-breakpoint
CREATE INDEX "conversations_inbox_idx" ON "conversations" USING btree ("workspace_id","status","last_activity_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_assignee_idx" ON "conversations" USING btree ("workspace_id","assignee_id","last_activity_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_team_idx" ON "conversations" USING btree ("workspace_id","team_id","last_activity_at" DESC NULLS FIRST);
DROP INDEX "email_inbound_log_idx";--> statement-breakpoint
DROP INDEX "promise_alerts_recipient_idx";--> statement-breakpoint
DROP INDEX "promises_list_idx";--> statement-breakpoint
DROP INDEX "review_items_list_idx";--> statement-breakpoint
CREATE INDEX "email_inbound_log_idx" ON "email_inbound" USING btree ("mailbox_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "promise_alerts_recipient_idx" ON "promise_alerts" USING btree ("workspace_id","recipient_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "promises_list_idx" ON "promises" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "review_items_list_idx" ON "review_items" USING btree ("source_id","first_seen_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
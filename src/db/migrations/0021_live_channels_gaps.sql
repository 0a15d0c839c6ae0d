CREATE TABLE "quality_call_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"call_id" text NOT NULL,
	"turns" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_deliveries" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "review_sources" ADD COLUMN "pull_paging" jsonb;--> statement-breakpoint
ALTER TABLE "routing_agents" ADD COLUMN "calls" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "quality_call_turns" ADD CONSTRAINT "quality_call_turns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_call_turns" ADD CONSTRAINT "quality_call_turns_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_call_turns_key" ON "quality_call_turns" USING btree ("conversation_id","call_id");--> statement-breakpoint
CREATE INDEX "review_deliveries_unread_idx" ON "review_deliveries" USING btree ("received_at") WHERE "review_deliveries"."results" IS NULL;
CREATE TABLE "widget_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "widget_settings" (
	"workspace_id" uuid PRIMARY KEY DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"workspace_key" text NOT NULL,
	"enforce_signature" boolean DEFAULT false NOT NULL,
	"anonymous_allowed" boolean DEFAULT true NOT NULL,
	"signing_secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_valid_until" timestamp (3) with time zone,
	"team_id" uuid,
	"calendar_id" uuid,
	"callback_offer_after_seconds" integer DEFAULT 300 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "seq" integer;--> statement-breakpoint
-- Messages written before sequence numbers get theirs in the order they were shown; message_count
-- already counts them, so the next message continues from there.
UPDATE "messages" m SET "seq" = n.seq FROM (
  SELECT id, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at, id)::int AS seq FROM "messages"
) n WHERE m.id = n.id;--> statement-breakpoint
UPDATE "conversations" c SET "message_count" = greatest(c.message_count, coalesce(
  (SELECT max(seq) FROM "messages" m WHERE m.conversation_id = c.id), 0));--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "widget_settings" ADD CONSTRAINT "widget_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widget_settings" ADD CONSTRAINT "widget_settings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "widget_settings_key" ON "widget_settings" USING btree ("workspace_key");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_seq_key" ON "messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_id_key" ON "messages" USING btree ("conversation_id","client_id") WHERE "messages"."client_id" IS NOT NULL;
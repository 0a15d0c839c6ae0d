CREATE TABLE "routing_first_human_daily" (
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"day" date NOT NULL,
	"team_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"total_seconds" bigint DEFAULT 0 NOT NULL,
	"buckets" integer[] NOT NULL,
	"abandoned" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "routing_first_human_daily_workspace_id_day_team_id_channel_pk" PRIMARY KEY("workspace_id","day","team_id","channel")
);
--> statement-breakpoint
CREATE TABLE "routing_agents" (
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'offline' NOT NULL,
	"last_seen_at" timestamp (3) with time zone,
	"last_assigned_at" timestamp (3) with time zone,
	"load_chat" integer DEFAULT 0 NOT NULL,
	"load_email" integer DEFAULT 0 NOT NULL,
	"load_phone" integer DEFAULT 0 NOT NULL,
	"load_social" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "routing_agents_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "routing_items" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"team_id" uuid,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"priority" integer NOT NULL,
	"state" text NOT NULL,
	"agent_id" uuid,
	"last_agent_id" uuid,
	"enqueued_at" timestamp (3) with time zone,
	"sort_at" timestamp (3) with time zone,
	"offered_at" timestamp (3) with time zone,
	"waiting_since" timestamp (3) with time zone,
	"first_human_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "capacity" jsonb DEFAULT '{"chat":3,"email":10,"phone":1,"social":5}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "auto_assign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_first_human_daily" ADD CONSTRAINT "routing_first_human_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_agents" ADD CONSTRAINT "routing_agents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_agents" ADD CONSTRAINT "routing_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_items" ADD CONSTRAINT "routing_items_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_items" ADD CONSTRAINT "routing_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_items" ADD CONSTRAINT "routing_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_items" ADD CONSTRAINT "routing_items_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_items" ADD CONSTRAINT "routing_items_last_agent_id_users_id_fk" FOREIGN KEY ("last_agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_agents_seen_idx" ON "routing_agents" USING btree ("status","last_seen_at");--> statement-breakpoint
CREATE INDEX "routing_items_queue_idx" ON "routing_items" USING btree ("workspace_id","team_id","priority","sort_at") WHERE "routing_items"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "routing_items_agent_idx" ON "routing_items" USING btree ("workspace_id","agent_id","state");
CREATE TABLE "coaching_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"reason" text NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"period_end" timestamp (3) with time zone NOT NULL,
	"agent_average" double precision NOT NULL,
	"team_average" double precision NOT NULL,
	"conversation_ids" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "quality_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"channel" text NOT NULL,
	"overall" integer NOT NULL,
	"road" integer NOT NULL,
	"empathy" integer NOT NULL,
	"listening" integer NOT NULL,
	"apology_fit" integer NOT NULL,
	"repeat_ask" integer NOT NULL,
	"clarity" integer NOT NULL,
	"resolution" text NOT NULL,
	"flags" jsonb NOT NULL,
	"sentiment" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"scored_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_settings" (
	"workspace_id" uuid PRIMARY KEY DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"rubric" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scores" ADD CONSTRAINT "quality_scores_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scores" ADD CONSTRAINT "quality_scores_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scores" ADD CONSTRAINT "quality_scores_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scores" ADD CONSTRAINT "quality_scores_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_tasks_open_agent_key" ON "coaching_tasks" USING btree ("workspace_id","agent_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "coaching_tasks_status_idx" ON "coaching_tasks" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "coaching_tasks_agent_idx" ON "coaching_tasks" USING btree ("workspace_id","agent_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_scores_conversation_key" ON "quality_scores" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "quality_scores_agent_idx" ON "quality_scores" USING btree ("workspace_id","agent_id","scored_at");--> statement-breakpoint
CREATE INDEX "quality_scores_team_idx" ON "quality_scores" USING btree ("workspace_id","team_id","scored_at");--> statement-breakpoint
CREATE INDEX "quality_scores_scored_idx" ON "quality_scores" USING btree ("workspace_id","scored_at");
CREATE TABLE "sla_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_conversations" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"policy_id" uuid,
	"calendar_id" uuid,
	"team_id" uuid,
	"priority" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"status_at" timestamp (3) with time zone NOT NULL,
	"paused_at" timestamp (3) with time zone,
	"last_customer_at" timestamp (3) with time zone,
	"last_human_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_daily" (
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"breached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sla_daily_workspace_id_day_kind_policy_id_pk" PRIMARY KEY("workspace_id","day","kind","policy_id")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"priority" text,
	"channel" text,
	"scope" text NOT NULL,
	"first_human_response_seconds" integer,
	"next_response_seconds" integer,
	"resolution_seconds" integer,
	"calendar_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"target_seconds" integer NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"clock_from" timestamp (3) with time zone,
	"used_seconds" double precision DEFAULT 0 NOT NULL,
	"due_at" timestamp (3) with time zone,
	"warn_at" timestamp (3) with time zone,
	"warned_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "sla_calendars" ADD CONSTRAINT "sla_calendars_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_conversations" ADD CONSTRAINT "sla_conversations_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_conversations" ADD CONSTRAINT "sla_conversations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_conversations" ADD CONSTRAINT "sla_conversations_calendar_id_sla_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sla_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_daily" ADD CONSTRAINT "sla_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_sla_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sla_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_targets" ADD CONSTRAINT "sla_targets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_targets" ADD CONSTRAINT "sla_targets_conversation_id_sla_conversations_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."sla_conversations"("conversation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_calendars_name_key" ON "sla_calendars" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_scope_key" ON "sla_policies" USING btree ("workspace_id","scope");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_targets_start_key" ON "sla_targets" USING btree ("conversation_id","kind","started_at");--> statement-breakpoint
CREATE INDEX "sla_targets_due_idx" ON "sla_targets" USING btree ("due_at") WHERE "sla_targets"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sla_targets_warn_idx" ON "sla_targets" USING btree ("warn_at") WHERE "sla_targets"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sla_targets_workspace_due_idx" ON "sla_targets" USING btree ("workspace_id","due_at") WHERE "sla_targets"."status" = 'active';
CREATE TABLE "review_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"source_id" uuid,
	"via" text NOT NULL,
	"raw" text NOT NULL,
	"backfill" boolean DEFAULT false NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"results" jsonb
);
--> statement-breakpoint
CREATE TABLE "review_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rating" real,
	"text" text NOT NULL,
	"url" text,
	"followers" integer,
	"edited_at" timestamp (3) with time zone,
	"delivery_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"source_id" uuid,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"author_handle" text NOT NULL,
	"author_name" text,
	"author_url" text,
	"author_email" text,
	"followers" integer,
	"rating" real,
	"rating_scale" integer,
	"rating5" real,
	"text" text NOT NULL,
	"url" text,
	"posted_at" timestamp (3) with time zone NOT NULL,
	"edited_at" timestamp (3) with time zone,
	"reach" integer DEFAULT 0 NOT NULL,
	"sentiment" real NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"backfill" boolean DEFAULT false NOT NULL,
	"customer_id" uuid,
	"match" jsonb,
	"suggested_merges" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conversation_id" uuid,
	"case_reason" text,
	"case_opened_at" timestamp (3) with time zone,
	"follow_up_promise_id" uuid,
	"recovered_at" timestamp (3) with time zone,
	"recovered_from" real,
	"recovered_to" real,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"secret" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_error" text,
	"last_error_at" timestamp (3) with time zone,
	"visibility" integer,
	"follow_up_owner_id" uuid,
	"follow_up_hours" integer DEFAULT 24 NOT NULL,
	"pull_url" text,
	"pull_token" text,
	"pull_checkpoint" text,
	"pull_lease_until" timestamp (3) with time zone,
	"pull_last_poll_at" timestamp (3) with time zone,
	"pull_last_success_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_deliveries" ADD CONSTRAINT "review_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deliveries" ADD CONSTRAINT "review_deliveries_source_id_review_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."review_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_item_versions" ADD CONSTRAINT "review_item_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_item_versions" ADD CONSTRAINT "review_item_versions_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_item_versions" ADD CONSTRAINT "review_item_versions_delivery_id_review_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."review_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_source_id_review_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."review_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sources" ADD CONSTRAINT "review_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sources" ADD CONSTRAINT "review_sources_follow_up_owner_id_users_id_fk" FOREIGN KEY ("follow_up_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_deliveries_source_idx" ON "review_deliveries" USING btree ("source_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "review_item_versions_key" ON "review_item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_key" ON "review_items" USING btree ("workspace_id","source","external_id");--> statement-breakpoint
CREATE INDEX "review_items_list_idx" ON "review_items" USING btree ("source_id","first_seen_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "review_sources_name_key" ON "review_sources" USING btree ("workspace_id","name");
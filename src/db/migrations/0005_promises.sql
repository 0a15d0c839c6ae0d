CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"reference" text NOT NULL,
	"conversation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"terms" text NOT NULL,
	"due_at" timestamp (3) with time zone,
	"window_from" timestamp (3) with time zone,
	"window_to" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"breaks_at" timestamp (3) with time zone NOT NULL,
	"remind_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"renewal_requested_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"closed_by" text,
	"closed_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "promises_reference_key" ON "promises" USING btree ("workspace_id","reference");--> statement-breakpoint
CREATE INDEX "promises_list_idx" ON "promises" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "promises_conversation_idx" ON "promises" USING btree ("conversation_id","status");--> statement-breakpoint
CREATE INDEX "promises_breaks_idx" ON "promises" USING btree ("status","breaks_at");--> statement-breakpoint
CREATE INDEX "promises_expires_idx" ON "promises" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "promises_remind_idx" ON "promises" USING btree ("status","remind_at");
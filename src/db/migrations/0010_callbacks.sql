CREATE TABLE "promise_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"promise_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "callback_phone" text;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "max_attempts" integer;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "attempt_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "promise_attempts" ADD CONSTRAINT "promise_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_attempts" ADD CONSTRAINT "promise_attempts_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_attempts" ADD CONSTRAINT "promise_attempts_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promise_attempts_promise_idx" ON "promise_attempts" USING btree ("promise_id","created_at");
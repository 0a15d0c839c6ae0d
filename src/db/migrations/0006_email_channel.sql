CREATE TABLE "email_inbound" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"mailbox_id" uuid,
	"via" text NOT NULL,
	"recipient" text NOT NULL,
	"envelope_from" text,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"message_id" text,
	"body_hash" text,
	"from_address" text,
	"subject" text,
	"addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"references" text[] DEFAULT '{}'::text[] NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"error" text,
	"duplicate_of" uuid,
	"conversation_id" uuid,
	"message_ref" uuid,
	"linked_conversation_id" uuid,
	"retries" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"address" text NOT NULL,
	"name" text NOT NULL,
	"auto_acknowledge" boolean DEFAULT false NOT NULL,
	"inbound_secret" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "channel_data" jsonb;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD CONSTRAINT "email_inbound_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD CONSTRAINT "email_inbound_mailbox_id_email_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."email_mailboxes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD CONSTRAINT "email_inbound_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD CONSTRAINT "email_inbound_message_ref_messages_id_fk" FOREIGN KEY ("message_ref") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD CONSTRAINT "email_inbound_linked_conversation_id_conversations_id_fk" FOREIGN KEY ("linked_conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD CONSTRAINT "email_mailboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_inbound_log_idx" ON "email_inbound" USING btree ("mailbox_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "email_inbound_message_id_idx" ON "email_inbound" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE INDEX "email_inbound_conversation_idx" ON "email_inbound" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "email_inbound_message_ref_idx" ON "email_inbound" USING btree ("message_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "email_mailboxes_address_key" ON "email_mailboxes" USING btree ("address");
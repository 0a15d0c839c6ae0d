CREATE TABLE "email_bounced_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"address" text NOT NULL,
	"bounces" integer DEFAULT 1 NOT NULL,
	"last_outbound_id" uuid,
	"last_bounced_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbound" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid DEFAULT (current_setting('earshot.workspace_id', true))::uuid NOT NULL,
	"mailbox_id" uuid,
	"kind" text NOT NULL,
	"conversation_id" uuid,
	"message_ref" uuid,
	"message_id" text NOT NULL,
	"reply_token" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"raw" "bytea" NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"sent_at" timestamp (3) with time zone,
	"bounced_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap" jsonb;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_password" text;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_uid_validity" text;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_last_uid" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_lease_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_last_poll_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_last_success_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "email_mailboxes" ADD COLUMN "imap_error" text;--> statement-breakpoint
ALTER TABLE "email_bounced_addresses" ADD CONSTRAINT "email_bounced_addresses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_bounced_addresses" ADD CONSTRAINT "email_bounced_addresses_last_outbound_id_email_outbound_id_fk" FOREIGN KEY ("last_outbound_id") REFERENCES "public"."email_outbound"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_mailbox_id_email_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."email_mailboxes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_message_ref_messages_id_fk" FOREIGN KEY ("message_ref") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_bounced_addresses_key" ON "email_bounced_addresses" USING btree ("workspace_id","address");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbound_message_ref_key" ON "email_outbound" USING btree ("message_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbound_reply_token_key" ON "email_outbound" USING btree ("reply_token");--> statement-breakpoint
CREATE INDEX "email_outbound_message_id_idx" ON "email_outbound" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE INDEX "email_outbound_recipient_idx" ON "email_outbound" USING btree ("workspace_id","to_address","kind","created_at");
ALTER TABLE "customers" ADD COLUMN "conversation_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Profiles now keep their own count of conversations; existing ones start from what is there.
UPDATE "customers" SET "conversation_count" = (
  SELECT count(*) FROM "conversations" WHERE "conversations"."customer_id" = "customers"."id"
);

ALTER TABLE "conversations" ADD COLUMN "customer_waiting_since" timestamp (3) with time zone;--> statement-breakpoint
-- Existing conversations: the first customer message after the last member reply, if any.
UPDATE "conversations" SET "customer_waiting_since" = "waiting"."since"
FROM (
  SELECT "m"."conversation_id", min("m"."created_at") AS "since"
  FROM "messages" "m" JOIN "conversations" "c" ON "c"."id" = "m"."conversation_id"
  WHERE "m"."role" = 'customer' AND ("c"."last_human_reply_at" IS NULL OR "m"."created_at" > "c"."last_human_reply_at")
  GROUP BY "m"."conversation_id"
) AS "waiting"
WHERE "waiting"."conversation_id" = "conversations"."id";

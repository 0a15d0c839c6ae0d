ALTER TABLE "messages" DROP CONSTRAINT "messages_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "last_human_reply_at" timestamp (3) with time zone;--> statement-breakpoint
-- Existing conversations start from the last reply a customer saw from a member.
UPDATE "conversations" SET "last_human_reply_at" = "last"."at"
FROM (
  SELECT "conversation_id", max("created_at") AS "at" FROM "messages"
  WHERE "role" = 'agent' AND NOT "internal" GROUP BY "conversation_id"
) AS "last"
WHERE "last"."conversation_id" = "conversations"."id";

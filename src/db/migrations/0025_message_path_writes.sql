ALTER TABLE "messages" DROP CONSTRAINT "messages_conversation_id_conversations_id_fk";
--> statement-breakpoint
-- What the foreign key's ON DELETE CASCADE did, without the check its key took for every message
-- (a query, and a lock on the conversation's row that the message's own UPDATE already holds):
-- a deleted conversation takes its messages with it. As the owner, like the key's own action, so
-- that row-level security hides no workspace's messages from it.
CREATE FUNCTION "messages_follow_deleted_conversation"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM "messages" WHERE "conversation_id" = OLD."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "messages_follow_deleted_conversation" AFTER DELETE ON "conversations"
FOR EACH ROW EXECUTE FUNCTION "messages_follow_deleted_conversation"();
--> statement-breakpoint
DROP INDEX "messages_conversation_idx";--> statement-breakpoint
DROP INDEX "event_outbox_created_at_idx";--> statement-breakpoint
-- A row claimed before this migration keeps its lease in next_attempt_at, as it was written.
ALTER TABLE "event_outbox" ADD COLUMN "lease_ends_at" timestamp (3) with time zone;
--> statement-breakpoint
-- Room on each page for the claim's and the delivery's versions of the rows inserted there (see
-- outbox-table.ts): a version on its row's own page is logged as the bytes that changed.
ALTER TABLE "event_outbox" SET (fillfactor = 50);

ALTER TABLE "leagues"."invitations" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "leagues"."invitations" SET "expires_at" = "sent_at" + interval '168 hours';--> statement-breakpoint
ALTER TABLE "leagues"."invitations" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "leagues"."invitations" USING btree ("email");

ALTER TABLE "auction"."auctions" ADD COLUMN "lot_gap_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "lead_in_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "next_lot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "paused_gap_ms" integer;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD COLUMN "closed_seq" integer;--> statement-breakpoint
CREATE INDEX "auctions_next_lot_at_idx" ON "auction"."auctions" USING btree ("next_lot_at") WHERE "auction"."auctions"."next_lot_at" is not null;--> statement-breakpoint
CREATE INDEX "auctions_scheduled_starts_at_idx" ON "auction"."auctions" USING btree ("starts_at") WHERE "auction"."auctions"."status" = 'scheduled';
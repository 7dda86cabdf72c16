ALTER TABLE "auction"."auctions" ADD COLUMN "nomination_mode" text DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "nomination_seconds" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "clock_mode" text DEFAULT 'extend' NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "raise_seconds" integer DEFAULT 10 NOT NULL;
CREATE TABLE "auction"."queues" (
	"auction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"asset_ids" uuid[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queues_auction_id_user_id_pk" PRIMARY KEY("auction_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "nomination_mode" text DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "nomination_seconds" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "clock_mode" text DEFAULT 'extend' NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "raise_seconds" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "turn_order" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "turn_number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "turn_user_id" uuid;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "turn_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auction"."auctions" ADD COLUMN "paused_turn_ms" integer;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD COLUMN "asset_rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD COLUMN "turn" integer;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD COLUMN "nominated_by" uuid;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD COLUMN "auto_nominated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."queues" ADD CONSTRAINT "queues_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auctions_turn_ends_at_idx" ON "auction"."auctions" USING btree ("turn_ends_at") WHERE "auction"."auctions"."turn_ends_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "lots_one_per_turn" ON "auction"."lots" USING btree ("auction_id","turn") WHERE "auction"."lots"."turn" is not null;
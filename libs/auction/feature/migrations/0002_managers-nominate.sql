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
ALTER TABLE "auction"."queues" ADD CONSTRAINT "queues_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;
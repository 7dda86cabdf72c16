CREATE SCHEMA "auction";
--> statement-breakpoint
CREATE TABLE "auction"."auctions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"league_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sport" text NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"budget" integer NOT NULL,
	"roster_size" integer NOT NULL,
	"opening_bid" integer NOT NULL,
	"min_increment" integer NOT NULL,
	"bid_timer_seconds" integer NOT NULL,
	"anti_snipe_seconds" integer NOT NULL,
	"nomination_order" text NOT NULL,
	"scoring_rules" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completion_published_at" timestamp with time zone,
	CONSTRAINT "auctions_league_id_unique" UNIQUE("league_id")
);
--> statement-breakpoint
CREATE TABLE "auction"."bid_refusals" (
	"auction_id" uuid NOT NULL,
	"bidder_id" uuid NOT NULL,
	"client_bid_id" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_refusals_auction_id_bidder_id_client_bid_id_pk" PRIMARY KEY("auction_id","bidder_id","client_bid_id")
);
--> statement-breakpoint
CREATE TABLE "auction"."bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"auction_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"bidder_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"seq" integer NOT NULL,
	"client_bid_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bids_client_bid_unique" UNIQUE("auction_id","bidder_id","client_bid_id"),
	CONSTRAINT "bids_auction_seq_unique" UNIQUE("auction_id","seq")
);
--> statement-breakpoint
CREATE TABLE "auction"."managers" (
	"auction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"budget_remaining" integer NOT NULL,
	"spent" integer DEFAULT 0 NOT NULL,
	"roster_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "managers_auction_id_user_id_pk" PRIMARY KEY("auction_id","user_id"),
	CONSTRAINT "managers_purse_not_negative" CHECK ("auction"."managers"."budget_remaining" >= 0 and "auction"."managers"."spent" >= 0 and "auction"."managers"."roster_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "auction"."lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"auction_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"asset_id" uuid NOT NULL,
	"asset_external_id" text NOT NULL,
	"asset_name" text NOT NULL,
	"asset_short_name" text,
	"asset_team" text,
	"asset_role" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"opening_bid" integer NOT NULL,
	"high_bid" integer,
	"high_bidder_id" uuid,
	"ends_at" timestamp with time zone,
	"paused_remaining_ms" integer,
	"winner_id" uuid,
	"price" integer,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "lots_auction_position_unique" UNIQUE("auction_id","position"),
	CONSTRAINT "lots_auction_asset_unique" UNIQUE("auction_id","asset_id"),
	CONSTRAINT "lots_status_known" CHECK ("auction"."lots"."status" in ('pending', 'open', 'sold', 'unsold'))
);
--> statement-breakpoint
ALTER TABLE "auction"."bid_refusals" ADD CONSTRAINT "bid_refusals_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD CONSTRAINT "bids_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD CONSTRAINT "bids_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "auction"."lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction"."managers" ADD CONSTRAINT "managers_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction"."lots" ADD CONSTRAINT "lots_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bids_lot_seq_idx" ON "auction"."bids" USING btree ("lot_id","seq");--> statement-breakpoint
CREATE INDEX "lots_open_ends_at_idx" ON "auction"."lots" USING btree ("ends_at") WHERE "auction"."lots"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "lots_one_open_per_auction" ON "auction"."lots" USING btree ("auction_id") WHERE "auction"."lots"."status" = 'open';
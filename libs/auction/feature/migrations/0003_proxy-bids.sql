CREATE TABLE "auction"."proxies" (
	"auction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"max_amount" integer NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proxies_auction_id_user_id_asset_id_pk" PRIMARY KEY("auction_id","user_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD COLUMN "proxy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD COLUMN "proxy_max_amount" integer;--> statement-breakpoint
ALTER TABLE "auction"."proxies" ADD CONSTRAINT "proxies_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proxies_auction_asset_idx" ON "auction"."proxies" USING btree ("auction_id","asset_id");
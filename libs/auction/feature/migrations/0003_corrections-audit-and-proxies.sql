CREATE TABLE "auction"."audit_entries" (
	"auction_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"lot_id" uuid,
	"details" jsonb NOT NULL,
	CONSTRAINT "audit_entries_auction_id_seq_pk" PRIMARY KEY("auction_id","seq")
);
--> statement-breakpoint
CREATE TABLE "auction"."proxies" (
	"auction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"max_amount" integer NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proxies_auction_id_user_id_asset_id_pk" PRIMARY KEY("auction_id","user_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "auction"."lots" DROP CONSTRAINT "lots_auction_asset_unique";--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD COLUMN "proxy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "auction"."bids" ADD COLUMN "proxy_max_amount" integer;--> statement-breakpoint
ALTER TABLE "auction"."audit_entries" ADD CONSTRAINT "audit_entries_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction"."proxies" ADD CONSTRAINT "proxies_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_lot_idx" ON "auction"."audit_entries" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "proxies_auction_asset_idx" ON "auction"."proxies" USING btree ("auction_id","asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_auction_asset_on_offer" ON "auction"."lots" USING btree ("auction_id","asset_id") WHERE "auction"."lots"."status" <> 'unsold';
CREATE TABLE "delegation_quotas" (
	"event_id" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"quota" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_quotas_kind_check" CHECK ("delegation_quotas"."unit_kind" in ('province', 'ministry')),
	CONSTRAINT "delegation_quotas_quota_check" CHECK ("delegation_quotas"."quota" >= 0)
);
--> statement-breakpoint
ALTER TABLE "delegation_quotas" ADD CONSTRAINT "delegation_quotas_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegation_quotas_unit_key" ON "delegation_quotas" USING btree ("event_id","unit_kind","unit_code");
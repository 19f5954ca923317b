CREATE TABLE "delegation_contacts" (
	"event_id" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_contacts_kind_check" CHECK ("delegation_contacts"."unit_kind" in ('province', 'ministry')),
	CONSTRAINT "delegation_contacts_email_check" CHECK ("delegation_contacts"."email" = lower("delegation_contacts"."email"))
);
--> statement-breakpoint
ALTER TABLE "registrations" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "delegation_contacts" ADD CONSTRAINT "delegation_contacts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegation_contacts_unit_key" ON "delegation_contacts" USING btree ("event_id","unit_kind","unit_code");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_email_check" CHECK ("registrations"."email" is not null or "registrations"."province_code" is not null or "registrations"."agency_code" is not null);
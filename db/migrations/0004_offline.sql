CREATE TABLE "checkin_conflicts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkin_conflicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"kept_scan_id" bigint NOT NULL,
	"other_scan_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkin_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"checkpoint_code" text,
	"user_agent" text,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sync_at" timestamp with time zone,
	"queue_length" integer DEFAULT 0 NOT NULL,
	"battery" real,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" integer,
	CONSTRAINT "checkin_devices_battery_check" CHECK ("checkin_devices"."battery" is null or ("checkin_devices"."battery" >= 0 and "checkin_devices"."battery" <= 1))
);
--> statement-breakpoint
CREATE TABLE "checkin_presence_removed" (
	"event_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "checkin_presence_removed_registration_id_checkpoint_id_pk" PRIMARY KEY("registration_id","checkpoint_id")
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_presence" ADD COLUMN "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD COLUMN "offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD COLUMN "local_result" text;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_kept_scan_id_checkin_scans_id_fk" FOREIGN KEY ("kept_scan_id") REFERENCES "public"."checkin_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_conflicts" ADD CONSTRAINT "checkin_conflicts_other_scan_id_checkin_scans_id_fk" FOREIGN KEY ("other_scan_id") REFERENCES "public"."checkin_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_devices" ADD CONSTRAINT "checkin_devices_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_devices" ADD CONSTRAINT "checkin_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_devices" ADD CONSTRAINT "checkin_devices_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_presence_removed" ADD CONSTRAINT "checkin_presence_removed_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_presence_removed" ADD CONSTRAINT "checkin_presence_removed_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_presence_removed" ADD CONSTRAINT "checkin_presence_removed_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_conflicts_pair_key" ON "checkin_conflicts" USING btree ("kept_scan_id","other_scan_id");--> statement-breakpoint
CREATE INDEX "checkin_conflicts_event_idx" ON "checkin_conflicts" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "checkin_devices_event_idx" ON "checkin_devices" USING btree ("event_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "checkin_presence_removed_changed_idx" ON "checkin_presence_removed" USING btree ("checkpoint_id","changed_xid");--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_device_id_checkin_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."checkin_devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_changed_idx" ON "registrations" USING btree ("event_id","changed_xid");--> statement-breakpoint
CREATE INDEX "checkin_presence_changed_idx" ON "checkin_presence" USING btree ("checkpoint_id","changed_xid");--> statement-breakpoint
CREATE FUNCTION "registrations_touch_changed_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "registrations_changed_xid" BEFORE UPDATE ON "registrations" FOR EACH ROW EXECUTE FUNCTION "registrations_touch_changed_xid"();

-- Audit trail: append-only, hash-chained. Kept beside the migration that installs it for reading;
-- the migration itself is what runs.
CREATE FUNCTION audit_event_hash(
  prev text, seq bigint, at timestamp, actor text, actor_role text, action text, entity text,
  entity_id text, patient_id text, ip text, details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(format('%L|%s|%L|%L|%L|%L|%L|%L|%L|%L|%L',
    prev, seq, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, actor_role, action, entity,
    entity_id, patient_id, ip, details::text), 'UTF8')), 'hex')
$$;

INSERT INTO "AuditHead" (id, "lastSeq", hash) VALUES (1, 0, '');

-- The head row is locked while a row is chained, so concurrent writers get consecutive seq values
-- in commit order and each row links to the one truly before it.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT "lastSeq", hash INTO head_seq, head_hash FROM "AuditHead" WHERE id = 1 FOR UPDATE;
  NEW.seq := head_seq + 1;
  NEW."prevHash" := head_hash;
  NEW.hash := audit_event_hash(NEW."prevHash", NEW.seq, NEW.at, NEW."actorId", NEW."actorRole", NEW.action,
                               NEW.entity, NEW."entityId", NEW."patientId", NEW.ip, NEW.details);
  UPDATE "AuditHead" SET "lastSeq" = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE OR TRUNCATE ON "AuditHead"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

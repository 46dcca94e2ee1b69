-- Patient search at 1M (npm run bench), second step: two tables derived from Patient and Condition,
-- kept by the database itself (statement-level triggers, in the writing transaction), so search
-- resolves what the user typed to exact keys first and then reads short index ranges in sort order.

-- Distinct lower-cased first and last names with their number of active patients. A prefix or a typo
-- is resolved here (a few hundred rows, trigram index) to exact name keys.
CREATE TABLE "PatientName" (
    "part" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "patients" INTEGER NOT NULL,

    CONSTRAINT "PatientName_pkey" PRIMARY KEY ("part","key")
);
CREATE INDEX "PatientName_key_trgm_idx" ON "PatientName" USING GIN ("key" gin_trgm_ops);

-- One row per condition of an active patient, with the patient's name keys: a condition filter is a
-- range of (text, last name, first name) read in the list's order, without visiting Patient rows.
CREATE TABLE "PatientConditionKey" (
    "conditionId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "lastKey" TEXT COLLATE "C" NOT NULL,
    "firstKey" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "PatientConditionKey_pkey" PRIMARY KEY ("conditionId")
);
CREATE INDEX "PatientConditionKey_text_lastKey_firstKey_patientId_idx" ON "PatientConditionKey"("text", "lastKey", "firstKey", "patientId");
CREATE INDEX "PatientConditionKey_text_firstKey_lastKey_patientId_idx" ON "PatientConditionKey"("text", "firstKey", "lastKey", "patientId");
CREATE INDEX "PatientConditionKey_patientId_idx" ON "PatientConditionKey"("patientId");

-- Written by hand from here: Prisma's schema cannot express column collations (the name keys sort
-- in byte order, like Patient_name_key_idx), partial or expression indexes, or triggers.
-- MRN and phone prefixes of the active patients (those search lists) as btree ranges: the trigram
-- indexes serve infixes, and prefixes only slowly.
CREATE INDEX "Patient_mrn_prefix_idx" ON "Patient" (mrn text_pattern_ops) WHERE active;
CREATE INDEX "Patient_phone_prefix_idx" ON "Patient" (phone text_pattern_ops) WHERE active;
-- A first name read in last-name order: for one first-name key, the order of Patient_name_key_idx.
CREATE INDEX "Patient_first_key_idx" ON "Patient" ((lower("firstName") COLLATE "C"), (lower("lastName") COLLATE "C"), id);

-- PatientName: +1/-1 per active patient's names, summed per key and applied in key order (so two
-- transactions never wait on each other's keys in opposite orders).
CREATE FUNCTION patient_name_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PatientName" (part, key, patients)
  SELECT part, key, count(*)::int FROM (
    SELECT 'last' AS part, lower("lastName") AS key FROM new_rows WHERE active
    UNION ALL SELECT 'first', lower("firstName") FROM new_rows WHERE active
  ) s
  GROUP BY part, key ORDER BY part, key
  ON CONFLICT (part, key) DO UPDATE SET patients = "PatientName".patients + excluded.patients;
  RETURN NULL;
END $$;
CREATE FUNCTION patient_name_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PatientName" (part, key, patients)
  SELECT part, key, -count(*)::int FROM (
    SELECT 'last' AS part, lower("lastName") AS key FROM old_rows WHERE active
    UNION ALL SELECT 'first', lower("firstName") FROM old_rows WHERE active
  ) s
  GROUP BY part, key ORDER BY part, key
  ON CONFLICT (part, key) DO UPDATE SET patients = "PatientName".patients + excluded.patients;
  RETURN NULL;
END $$;
CREATE FUNCTION patient_name_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PatientName" (part, key, patients)
  SELECT part, key, sum(d)::int FROM (
    SELECT 'last' AS part, lower("lastName") AS key, 1 AS d FROM new_rows WHERE active
    UNION ALL SELECT 'first', lower("firstName"), 1 FROM new_rows WHERE active
    UNION ALL SELECT 'last', lower("lastName"), -1 FROM old_rows WHERE active
    UNION ALL SELECT 'first', lower("firstName"), -1 FROM old_rows WHERE active
  ) s
  GROUP BY part, key HAVING sum(d) <> 0 ORDER BY part, key
  ON CONFLICT (part, key) DO UPDATE SET patients = "PatientName".patients + excluded.patients;
  -- A renamed, deactivated or reactivated patient: their condition rows follow.
  DELETE FROM "PatientConditionKey" k USING new_rows n JOIN old_rows o ON o.id = n.id
  WHERE k."patientId" = n.id
    AND (n."lastName", n."firstName", n.active) IS DISTINCT FROM (o."lastName", o."firstName", o.active);
  INSERT INTO "PatientConditionKey" ("conditionId", "patientId", text, "lastKey", "firstKey")
  SELECT c.id, c."patientId", c.text, lower(n."lastName"), lower(n."firstName")
  FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "Condition" c ON c."patientId" = n.id
  WHERE n.active AND (n."lastName", n."firstName", n.active) IS DISTINCT FROM (o."lastName", o."firstName", o.active)
  ON CONFLICT ("conditionId") DO UPDATE SET "lastKey" = excluded."lastKey", "firstKey" = excluded."firstKey";
  RETURN NULL;
END $$;
CREATE TRIGGER patient_name_insert AFTER INSERT ON "Patient" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_name_insert();
CREATE TRIGGER patient_name_update AFTER UPDATE ON "Patient" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_name_update();
CREATE TRIGGER patient_name_delete AFTER DELETE ON "Patient" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_name_delete();

-- PatientConditionKey follows Condition. The patients concerned are locked first (FOR SHARE, in id
-- order): a concurrent rename or deactivation (patient_name_update) then runs wholly before or after,
-- and the rows written here carry the patient's committed names and state.
CREATE FUNCTION patient_condition_key_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Patient" WHERE id IN (SELECT "patientId" FROM new_rows) ORDER BY id FOR SHARE;
  INSERT INTO "PatientConditionKey" ("conditionId", "patientId", text, "lastKey", "firstKey")
  SELECT c.id, c."patientId", c.text, lower(p."lastName"), lower(p."firstName")
  FROM new_rows c JOIN "Patient" p ON p.id = c."patientId" WHERE p.active
  ON CONFLICT ("conditionId") DO UPDATE SET "patientId" = excluded."patientId", text = excluded.text,
    "lastKey" = excluded."lastKey", "firstKey" = excluded."firstKey";
  RETURN NULL;
END $$;
CREATE FUNCTION patient_condition_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "PatientConditionKey" WHERE "conditionId" IN (SELECT id FROM old_rows);
  RETURN NULL;
END $$;
CREATE FUNCTION patient_condition_key_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Patient" WHERE id IN (SELECT "patientId" FROM new_rows) ORDER BY id FOR SHARE;
  DELETE FROM "PatientConditionKey" WHERE "conditionId" IN (SELECT id FROM old_rows);
  INSERT INTO "PatientConditionKey" ("conditionId", "patientId", text, "lastKey", "firstKey")
  SELECT c.id, c."patientId", c.text, lower(p."lastName"), lower(p."firstName")
  FROM new_rows c JOIN "Patient" p ON p.id = c."patientId" WHERE p.active;
  RETURN NULL;
END $$;
CREATE TRIGGER patient_condition_key_insert AFTER INSERT ON "Condition" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_condition_key_insert();
CREATE TRIGGER patient_condition_key_update AFTER UPDATE ON "Condition" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_condition_key_update();
CREATE TRIGGER patient_condition_key_delete AFTER DELETE ON "Condition" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_condition_key_delete();

-- Emptying Patient (or Condition) empties what is derived from it.
CREATE FUNCTION patient_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Patient' THEN DELETE FROM "PatientName"; END IF;
  DELETE FROM "PatientConditionKey";
  RETURN NULL;
END $$;
CREATE TRIGGER patient_search_truncate AFTER TRUNCATE ON "Patient" FOR EACH STATEMENT EXECUTE FUNCTION patient_search_truncate();
CREATE TRIGGER patient_search_truncate AFTER TRUNCATE ON "Condition" FOR EACH STATEMENT EXECUTE FUNCTION patient_search_truncate();

-- Existing rows.
INSERT INTO "PatientName" (part, key, patients)
SELECT part, key, count(*)::int FROM (
  SELECT 'last' AS part, lower("lastName") AS key FROM "Patient" WHERE active
  UNION ALL SELECT 'first', lower("firstName") FROM "Patient" WHERE active
) s GROUP BY part, key;
INSERT INTO "PatientConditionKey" ("conditionId", "patientId", text, "lastKey", "firstKey")
SELECT c.id, c."patientId", c.text, lower(p."lastName"), lower(p."firstName")
FROM "Condition" c JOIN "Patient" p ON p.id = c."patientId" WHERE p.active;

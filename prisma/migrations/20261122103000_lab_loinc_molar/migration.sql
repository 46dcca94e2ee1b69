-- The lab catalogue's LOINC codes for tests reported in molar units (mmol/L, µmol/L) named the
-- [Mass/volume] term; they now name the [Moles/volume] one. Rows an admin changed since are left alone.
UPDATE "LabTest" SET "loinc" = '14771-0' WHERE "code" = 'GLU-F' AND "loinc" = '1558-6';
UPDATE "LabTest" SET "loinc" = '14749-6' WHERE "code" = 'GLU-R' AND "loinc" = '2345-7';
UPDATE "LabTest" SET "loinc" = '14682-9' WHERE "code" = 'CREA' AND "loinc" = '2160-0';
UPDATE "LabTest" SET "loinc" = '22664-7' WHERE "code" = 'UREA' AND "loinc" = '3091-6';
UPDATE "LabTest" SET "loinc" = '14631-6' WHERE "code" = 'TBIL' AND "loinc" = '1975-2';
UPDATE "LabTest" SET "loinc" = '14647-2' WHERE "code" = 'CHOL' AND "loinc" = '2093-3';
UPDATE "LabTest" SET "loinc" = '22748-8' WHERE "code" = 'LDL' AND "loinc" = '13457-7';
UPDATE "LabTest" SET "loinc" = '14646-4' WHERE "code" = 'HDL' AND "loinc" = '2085-9';
UPDATE "LabTest" SET "loinc" = '14927-8' WHERE "code" = 'TG' AND "loinc" = '2571-8';
UPDATE "LabTest" SET "loinc" = '14933-6' WHERE "code" = 'URIC' AND "loinc" = '3084-1';

-- MRNs beyond H-999999: lpad(…, 6) cut longer numbers to six characters, so patient 1,000,000 would
-- have collided with an earlier MRN. next_mrn() pads to six digits and never truncates.
CREATE FUNCTION next_mrn() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'H-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('patient_mrn_seq') AS n
$$;

-- AlterTable
ALTER TABLE "Patient" ALTER COLUMN "mrn" SET DEFAULT next_mrn();

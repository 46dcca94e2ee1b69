-- Patient search at scale (npm run bench). Written by hand: Prisma's schema cannot express
-- expression indexes, and its diff leaves indexes it cannot express alone.
-- The name list is ordered by lower-cased last name, first name, id in byte order (COLLATE "C"):
-- this index serves that order directly, and a name prefix (lower("lastName") LIKE 'dia%') as a
-- range of it, so the first page of a broad search reads about 20 index entries instead of
-- sorting every match.
CREATE INDEX "Patient_name_key_idx" ON "Patient" ((lower("lastName") COLLATE "C"), (lower("firstName") COLLATE "C"), id);

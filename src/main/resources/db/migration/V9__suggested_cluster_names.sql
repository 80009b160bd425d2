-- Library schema, version 9: a suggested name for each cluster (ADR 0045), made from the vocabulary kept in the
-- program by matching the cluster's mean embedding, marked as a suggestion wherever it is shown; NULL until the
-- program that has the model computes it. The user's name (name) always comes first.
ALTER TABLE cluster_identity ADD COLUMN suggested_name VARCHAR(200);

-- Registry schema 8: the rows of a cluster by sequence, for a delete that would hide another
-- device's work under the row it deletes (DependentRows: the live rows of the row's cluster
-- written after the deleting device's version). It replaces the index on cluster_id alone.
DROP INDEX IF EXISTS records_cluster;
CREATE INDEX IF NOT EXISTS records_cluster_seq ON records (cluster_id, seq);

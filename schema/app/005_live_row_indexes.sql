-- Schema version 5: partial indexes over rows that are not deleted, so that the cluster list's
-- figures (tenants, open violations, last inspection per cluster) come from the index alone
-- instead of reading every inspection row at start.
CREATE INDEX inspections_cluster_live ON inspections(cluster_id, started_at) WHERE deleted_at IS NULL;
CREATE INDEX tenants_cluster_live ON tenants(cluster_id) WHERE deleted_at IS NULL;
CREATE INDEX violations_cluster_live ON violations(cluster_id, status) WHERE deleted_at IS NULL;

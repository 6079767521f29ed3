-- Schema version 2: full-text search over clusters, tenants and inspections.
-- search_text holds the folded text (lower case, no diacritics, đ -> d) written by the core;
-- trigram tables answer substring queries of three or more characters without a full scan.
CREATE VIRTUAL TABLE clusters_fts USING fts5(search_text, content='clusters', content_rowid='rowid', tokenize='trigram');
CREATE VIRTUAL TABLE tenants_fts USING fts5(search_text, content='tenants', content_rowid='rowid', tokenize='trigram');
CREATE VIRTUAL TABLE inspections_fts USING fts5(search_text, content='inspections', content_rowid='rowid', tokenize='trigram');
INSERT INTO clusters_fts(clusters_fts) VALUES ('rebuild');
INSERT INTO tenants_fts(tenants_fts) VALUES ('rebuild');
INSERT INTO inspections_fts(inspections_fts) VALUES ('rebuild');

CREATE TRIGGER clusters_fts_ai AFTER INSERT ON clusters BEGIN
    INSERT INTO clusters_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER clusters_fts_au AFTER UPDATE OF search_text ON clusters BEGIN
    INSERT INTO clusters_fts(clusters_fts, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO clusters_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER tenants_fts_ai AFTER INSERT ON tenants BEGIN
    INSERT INTO tenants_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER tenants_fts_au AFTER UPDATE OF search_text ON tenants BEGIN
    INSERT INTO tenants_fts(tenants_fts, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO tenants_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER inspections_fts_ai AFTER INSERT ON inspections BEGIN
    INSERT INTO inspections_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER inspections_fts_au AFTER UPDATE OF search_text ON inspections BEGIN
    INSERT INTO inspections_fts(inspections_fts, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO inspections_fts(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;

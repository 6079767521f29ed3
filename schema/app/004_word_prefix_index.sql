-- Schema version 4: word-prefix indexes for one- and two-letter keystrokes, which the trigram
-- indexes of schema 2 cannot answer without a full scan ("d", "do", "kh", "27").
CREATE VIRTUAL TABLE clusters_words USING fts5(search_text, content='clusters', content_rowid='rowid', tokenize='unicode61', prefix='1 2');
CREATE VIRTUAL TABLE tenants_words USING fts5(search_text, content='tenants', content_rowid='rowid', tokenize='unicode61', prefix='1 2');
CREATE VIRTUAL TABLE inspections_words USING fts5(search_text, content='inspections', content_rowid='rowid', tokenize='unicode61', prefix='1 2');
INSERT INTO clusters_words(clusters_words) VALUES ('rebuild');
INSERT INTO tenants_words(tenants_words) VALUES ('rebuild');
INSERT INTO inspections_words(inspections_words) VALUES ('rebuild');

CREATE TRIGGER clusters_words_ai AFTER INSERT ON clusters BEGIN
    INSERT INTO clusters_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER clusters_words_au AFTER UPDATE OF search_text ON clusters BEGIN
    INSERT INTO clusters_words(clusters_words, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO clusters_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER tenants_words_ai AFTER INSERT ON tenants BEGIN
    INSERT INTO tenants_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER tenants_words_au AFTER UPDATE OF search_text ON tenants BEGIN
    INSERT INTO tenants_words(tenants_words, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO tenants_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER inspections_words_ai AFTER INSERT ON inspections BEGIN
    INSERT INTO inspections_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER inspections_words_au AFTER UPDATE OF search_text ON inspections BEGIN
    INSERT INTO inspections_words(inspections_words, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    INSERT INTO inspections_words(rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;

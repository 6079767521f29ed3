-- CCN Inspect device database, schema version 1.
-- Every synced table: id chosen on the device (UUIDv7 text), created_at/updated_at (ms since epoch,
-- device clock: for display only, never used to order changes), deleted_at (soft delete),
-- sync_seq (the registry's sequence of the version this device last saw; 0 = never synced).
-- Local changes reach the outbox through triggers that OutboxTriggers installs after each migration,
-- so a change and its outbox row are always in the same transaction.

CREATE TABLE admin_units (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    level_label TEXT NOT NULL,
    parent_id TEXT REFERENCES admin_units(id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX admin_units_parent ON admin_units(parent_id);

-- The 2025 reorganisation: which old unit became (part of) which new unit.
CREATE TABLE admin_unit_mappings (
    id TEXT PRIMARY KEY,
    old_unit_id TEXT NOT NULL REFERENCES admin_units(id),
    new_unit_id TEXT NOT NULL REFERENCES admin_units(id),
    effective_on TEXT NOT NULL,
    legal_basis TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    province_id TEXT NOT NULL REFERENCES admin_units(id),
    status TEXT NOT NULL CHECK (status IN ('planned', 'under_appraisal', 'established',
        'plan_approved', 'project_approved', 'under_construction', 'operating', 'expanded',
        'adjusted', 'revoked', 'removed_from_plan', 'operating_unestablished')),
    planned_area_ha REAL,
    established_area_ha REAL,
    industrial_land_ha REAL,
    leased_land_ha REAL,
    investor_name TEXT,
    investment_capital_bn_vnd REAL,
    establishment_decision TEXT,
    established_on TEXT,
    detailed_plan_approved INTEGER NOT NULL DEFAULT 0,
    detailed_plan_decision TEXT,
    wwtp_status TEXT NOT NULL DEFAULT 'none' CHECK (wwtp_status IN ('none', 'planned',
        'under_construction', 'operating')),
    wwtp_capacity_m3_day REAL,
    wwtp_meets_standard INTEGER NOT NULL DEFAULT 0,
    wwtp_auto_monitoring INTEGER NOT NULL DEFAULT 0,
    boundary_geojson TEXT,
    workers INTEGER,
    notes TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_province ON clusters(province_id);

-- A cluster may span several communes; one of them leads.
CREATE TABLE cluster_units (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    unit_id TEXT NOT NULL REFERENCES admin_units(id),
    is_lead INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cluster_units_cluster ON cluster_units(cluster_id);

CREATE TABLE boundary_markers (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    code TEXT NOT NULL,
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    placed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX boundary_markers_cluster ON boundary_markers(cluster_id);

CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    name TEXT NOT NULL,
    tax_code TEXT,
    industry TEXT,
    leased_land_ha REAL,
    committed_start_on TEXT,
    committed_operation_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('operating', 'slow', 'not_started', 'illegal_transfer')),
    workers INTEGER,
    foreign_invested INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tenants_cluster ON tenants(cluster_id);

CREATE TABLE infrastructure_items (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    kind TEXT NOT NULL CHECK (kind IN ('site_clearance', 'roads', 'power', 'water_supply',
        'drainage', 'stormwater', 'wastewater_plant', 'other')),
    name TEXT NOT NULL,
    committed_completion_on TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX infrastructure_items_cluster ON infrastructure_items(cluster_id);

-- Checklist templates are versioned: (code, version) is unique and a published version never changes.
CREATE TABLE checklist_templates (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    legal_basis TEXT,
    published_on TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0,
    UNIQUE (code, version)
);

CREATE TABLE checklist_sections (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL REFERENCES checklist_templates(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX checklist_sections_template ON checklist_sections(template_id);

-- kind: yes_no_na | number | percentage | choice | text | photo.
-- show_if_code/show_if_value: shown only when the answer to that question equals that value.
CREATE TABLE checklist_questions (
    id TEXT PRIMARY KEY,
    section_id TEXT NOT NULL REFERENCES checklist_sections(id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('yes_no_na', 'number', 'percentage', 'choice', 'text', 'photo')),
    unit TEXT,
    choices_json TEXT,
    required INTEGER NOT NULL DEFAULT 0,
    min_value REAL,
    max_value REAL,
    show_if_code TEXT,
    show_if_value TEXT,
    legal_basis TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX checklist_questions_section ON checklist_questions(section_id);

CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    tenant_id TEXT REFERENCES tenants(id),
    template_id TEXT NOT NULL REFERENCES checklist_templates(id),
    kind TEXT NOT NULL CHECK (kind IN ('periodic', 'unscheduled', 'follow_up', 'progress_verification')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    inspector_name TEXT NOT NULL DEFAULT '',
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    submitted_at INTEGER,
    lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    accuracy_m REAL,
    position_at INTEGER,
    outside_boundary INTEGER,
    findings TEXT NOT NULL DEFAULT '',
    conclusions TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspections_cluster ON inspections(cluster_id, started_at);

CREATE TABLE inspection_participants (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    name TEXT NOT NULL,
    position_title TEXT,
    agency TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspection_participants_inspection ON inspection_participants(inspection_id);

-- One answer per (inspection, question); value is text for every kind (numbers in C locale).
CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    question_id TEXT NOT NULL REFERENCES checklist_questions(id),
    value TEXT,
    note TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0,
    UNIQUE (inspection_id, question_id)
);

CREATE TABLE violations (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    tenant_id TEXT REFERENCES tenants(id),
    category TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL CHECK (severity IN ('minor', 'serious', 'very_serious')),
    observed TEXT NOT NULL,
    remedy TEXT NOT NULL DEFAULT '',
    deadline_on TEXT,
    responsible_party TEXT NOT NULL DEFAULT '',
    fine_min_vnd INTEGER,
    fine_max_vnd INTEGER,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'remedying', 'fixed_reported',
        'verified_fixed', 'escalated')),
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX violations_cluster ON violations(cluster_id, status);
CREATE INDEX violations_inspection ON violations(inspection_id);

CREATE TABLE progress_readings (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES infrastructure_items(id),
    inspection_id TEXT REFERENCES inspections(id),
    percent REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
    observed_on TEXT NOT NULL,
    note TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX progress_readings_item ON progress_readings(item_id);

-- A photo record links content (sha256) to a record and a slot; the same content may be linked twice.
CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    inspection_id TEXT REFERENCES inspections(id),
    violation_id TEXT REFERENCES violations(id),
    question_id TEXT REFERENCES checklist_questions(id),
    caption TEXT NOT NULL DEFAULT '',
    taken_at INTEGER,
    lat REAL,
    lon REAL,
    accuracy_m REAL,
    source TEXT NOT NULL CHECK (source IN ('camera', 'file')),
    width INTEGER,
    height INTEGER,
    byte_size INTEGER NOT NULL,
    mime TEXT NOT NULL DEFAULT 'image/jpeg',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
    sync_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX photos_inspection ON photos(inspection_id);
CREATE INDEX photos_violation ON photos(violation_id);
CREATE INDEX photos_sha ON photos(sha256);

-- Local changes waiting for the registry. An entry is frozen once sent (sent_at set); a later edit of
-- the same row is a new entry. Entries leave only when the registry confirms them.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    base_seq INTEGER NOT NULL,
    old_json TEXT,
    new_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    rejected_code TEXT,
    rejected_message TEXT
);
CREATE INDEX outbox_row ON outbox(entity, row_id);

-- One row; applying = 1 while a pulled page is written, so that it is not echoed to the outbox.
CREATE TABLE sync_flags (
    applying INTEGER NOT NULL
);
INSERT INTO sync_flags(applying) VALUES (0);

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

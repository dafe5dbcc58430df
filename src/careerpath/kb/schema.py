"""The knowledge base's tables.

One SQLite file, read-only once built. Every figure keeps where it came from: the
`source` table names each dataset and year, and rows that borrow a broader BLS group
say so in `wage_soc_level` / `projection_soc_level`.
"""

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE source (
    id TEXT PRIMARY KEY,           -- onet | oews | projections
    name TEXT NOT NULL,
    release TEXT NOT NULL,         -- e.g. '30.1', 'May 2025', '2024-34'
    publisher TEXT NOT NULL,
    license TEXT NOT NULL,
    url TEXT NOT NULL
);

CREATE TABLE occupation (
    code TEXT PRIMARY KEY,         -- O*NET-SOC, e.g. 15-1252.00
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    job_zone INTEGER,              -- 1..5, NULL where O*NET has none
    has_ratings INTEGER NOT NULL,  -- 1 when Skills/Knowledge are rated
    wage_soc TEXT,                 -- BLS SOC whose OEWS row we use, NULL if none
    wage_soc_level TEXT,           -- detailed | broad | minor: how far we had to widen
    projection_soc TEXT,
    projection_soc_level TEXT
);

CREATE TABLE title (
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,            -- occupation | alternate | short | reported
    PRIMARY KEY (code, kind, title)
) WITHOUT ROWID;

CREATE TABLE element (
    id TEXT PRIMARY KEY,           -- O*NET content-model id, e.g. 2.A.1.a
    domain TEXT NOT NULL,          -- skills | knowledge | work_styles | work_values | interests
    name TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE rating (
    code TEXT NOT NULL,
    element_id TEXT NOT NULL,
    scale TEXT NOT NULL,           -- IM, LV, DR, WI, EX, OI, ...
    value REAL NOT NULL,
    n INTEGER,
    recommend_suppress INTEGER NOT NULL,  -- O*NET advises not to use the value
    not_relevant INTEGER NOT NULL,        -- O*NET marks the level as not relevant
    date TEXT NOT NULL,
    domain_source TEXT NOT NULL,
    PRIMARY KEY (code, element_id, scale)
) WITHOUT ROWID;

CREATE TABLE technology (
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    commodity_code TEXT NOT NULL,
    commodity_title TEXT NOT NULL,
    hot INTEGER NOT NULL,
    in_demand INTEGER NOT NULL,
    PRIMARY KEY (code, name)
) WITHOUT ROWID;

CREATE TABLE tool (
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    commodity_code TEXT NOT NULL,
    commodity_title TEXT NOT NULL,
    PRIMARY KEY (code, name)
) WITHOUT ROWID;

CREATE TABLE task (
    code TEXT NOT NULL,
    task_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    task_type TEXT,                -- Core | Supplemental | NULL
    incumbents_responding INTEGER,
    PRIMARY KEY (code, task_id)
) WITHOUT ROWID;

CREATE TABLE dwa (
    id TEXT PRIMARY KEY,
    iwa_id TEXT NOT NULL,
    element_id TEXT NOT NULL,
    title TEXT NOT NULL
);

-- O*NET's link from each skill to the work activities that use it; with tasks -> DWAs ->
-- activities it finds the task statements where an occupation exercises a skill.
CREATE TABLE skill_activity (
    skill_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    PRIMARY KEY (skill_id, activity_id)
) WITHOUT ROWID;

CREATE TABLE task_dwa (
    code TEXT NOT NULL,
    task_id INTEGER NOT NULL,
    dwa_id TEXT NOT NULL,
    PRIMARY KEY (code, task_id, dwa_id)
) WITHOUT ROWID;

CREATE TABLE emerging_task (
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,        -- New | Revision
    original_task_id INTEGER,
    PRIMARY KEY (code, text)
) WITHOUT ROWID;

CREATE TABLE education (
    code TEXT NOT NULL,
    element_id TEXT NOT NULL,      -- 2.D.1 education, 3.A.1 experience, 3.A.2/3.A.3 training
    scale TEXT NOT NULL,           -- RL | RW | PT | OJ
    category INTEGER NOT NULL,
    percent REAL NOT NULL,         -- share of respondents in this category
    recommend_suppress INTEGER NOT NULL,
    PRIMARY KEY (code, element_id, scale, category)
) WITHOUT ROWID;

CREATE TABLE education_category (
    element_id TEXT NOT NULL,
    scale TEXT NOT NULL,
    category INTEGER NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (element_id, scale, category)
) WITHOUT ROWID;

CREATE TABLE area (
    code TEXT PRIMARY KEY,         -- OEWS area code; 0000000 is the nation
    kind TEXT NOT NULL,            -- national | state | metro
    state_code TEXT NOT NULL,
    name TEXT NOT NULL
);

-- OEWS May 2025, cross-industry. NULL = not published; `footnotes` keeps BLS's reason
-- as 'column:code' pairs (5 = at or above the top code, 8 = not released).
CREATE TABLE wage (
    soc TEXT NOT NULL,             -- 6-digit BLS SOC, e.g. 15-1252
    area_code TEXT NOT NULL,
    employment INTEGER,
    hourly_mean_cents INTEGER,     -- hourly figures in cents: integers pack tighter than REAL
    annual_mean INTEGER,
    hourly_p10_cents INTEGER, hourly_p25_cents INTEGER, hourly_median_cents INTEGER,
    hourly_p75_cents INTEGER, hourly_p90_cents INTEGER,
    annual_p10 INTEGER, annual_p25 INTEGER, annual_median INTEGER, annual_p75 INTEGER, annual_p90 INTEGER,
    footnotes TEXT NOT NULL,
    PRIMARY KEY (soc, area_code)
) WITHOUT ROWID;

CREATE TABLE wage_footnote (
    code TEXT PRIMARY KEY,         -- as used in wage.footnotes
    text TEXT NOT NULL             -- BLS's own wording
);

-- BLS Employment Projections 2024-34, Table 1.2 joined with Table 1.10.
CREATE TABLE projection (
    soc TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    row_type TEXT NOT NULL,        -- Line item | Summary
    employment_2024 REAL,          -- thousands
    employment_2034 REAL,
    change_numeric REAL,
    change_percent REAL,
    self_employed_percent REAL,
    annual_openings REAL,          -- thousands
    median_wage_2024 INTEGER,
    median_wage_2024_top_coded INTEGER NOT NULL,
    education TEXT,
    work_experience TEXT,
    on_the_job_training TEXT,
    labor_force_exit_rate REAL,
    occupational_transfer_rate REAL
);

-- Composite-key tables are WITHOUT ROWID: the primary key is the storage, so there is
-- no second copy of it as an index (the file ships inside the package).

-- Rating profiles as dense arrays aligned with occupation codes, so the engine loads
-- them in one read instead of rebuilding them from ~170k rows at every start.
CREATE TABLE matrix (
    name TEXT PRIMARY KEY,         -- e.g. skills.IM
    n_rows INTEGER NOT NULL,
    n_cols INTEGER NOT NULL,
    columns TEXT NOT NULL,         -- element ids, tab-separated, in column order
    data BLOB NOT NULL             -- float32, row-major, NaN = no usable rating
);

CREATE INDEX technology_by_name ON technology(name);
"""

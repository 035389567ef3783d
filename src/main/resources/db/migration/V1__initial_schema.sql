-- V1: the four tables of SPEC section 4 and their indexes.
-- All times are epoch milliseconds (UTC) in INTEGER columns; JSON columns hold UTF-8 text.

-- One cached Graph result. data is gzip-compressed when compressed = 1.
CREATE TABLE cache_entries (
    key               TEXT    PRIMARY KEY NOT NULL,
    account_id        TEXT    NOT NULL,
    resource_type     TEXT    NOT NULL,
    data              BLOB    NOT NULL,
    compressed        INTEGER NOT NULL DEFAULT 0 CHECK (compressed IN (0, 1)),
    metadata_json     TEXT,
    stored_size       INTEGER NOT NULL CHECK (stored_size >= 0),
    uncompressed_size INTEGER NOT NULL CHECK (uncompressed_size >= 0),
    created_at        INTEGER NOT NULL,
    accessed_at       INTEGER NOT NULL,
    expires_at        INTEGER NOT NULL,
    hit_count         INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX idx_cache_entries_account       ON cache_entries (account_id);
CREATE INDEX idx_cache_entries_resource_type ON cache_entries (resource_type);
CREATE INDEX idx_cache_entries_expires_at    ON cache_entries (expires_at);
CREATE INDEX idx_cache_entries_accessed_at   ON cache_entries (accessed_at);
CREATE INDEX idx_cache_entries_stored_size   ON cache_entries (stored_size);

-- Background work (warming, refresh). Priority 1 is the highest.
CREATE TABLE cache_tasks (
    task_id         TEXT    PRIMARY KEY NOT NULL,
    account_id      TEXT    NOT NULL,
    task_type       TEXT    NOT NULL,
    operation       TEXT    NOT NULL,
    parameters_json TEXT    NOT NULL DEFAULT '{}',
    cache_key       TEXT,
    status          TEXT    NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    priority        INTEGER NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    result_json     TEXT,
    error           TEXT,
    progress        INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at      INTEGER NOT NULL,
    started_at      INTEGER,
    completed_at    INTEGER,
    retry_count     INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    max_retries     INTEGER NOT NULL DEFAULT 3 CHECK (max_retries >= 0)
);
CREATE INDEX idx_cache_tasks_status_priority ON cache_tasks (status, priority, created_at);
CREATE INDEX idx_cache_tasks_account         ON cache_tasks (account_id);

-- Audit of every invalidation.
CREATE TABLE cache_invalidation (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id          TEXT    NOT NULL,
    resource_type       TEXT,
    pattern             TEXT    NOT NULL,
    reason              TEXT    NOT NULL,
    invalidated_at      INTEGER NOT NULL,
    entries_invalidated INTEGER NOT NULL DEFAULT 0 CHECK (entries_invalidated >= 0)
);
CREATE INDEX idx_cache_invalidation_account ON cache_invalidation (account_id, invalidated_at);

-- Periodic per-resource statistics snapshots (account_id null = all accounts).
CREATE TABLE cache_stats (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at        INTEGER NOT NULL,
    account_id         TEXT,
    resource_type      TEXT    NOT NULL,
    hit_count          INTEGER NOT NULL DEFAULT 0,
    miss_count         INTEGER NOT NULL DEFAULT 0,
    eviction_count     INTEGER NOT NULL DEFAULT 0,
    p50_ms             REAL,
    p95_ms             REAL,
    p99_ms             REAL,
    entry_count        INTEGER NOT NULL DEFAULT 0,
    stored_bytes       INTEGER NOT NULL DEFAULT 0,
    uncompressed_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_cache_stats_resource ON cache_stats (resource_type, recorded_at);
CREATE INDEX idx_cache_stats_account  ON cache_stats (account_id, recorded_at);

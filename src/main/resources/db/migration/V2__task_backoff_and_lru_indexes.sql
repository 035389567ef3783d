-- V2: what the task queue's retry backoff and the store's eviction need.

-- A queued task is not claimed before this time (epoch ms): a failed task waits out its backoff.
ALTER TABLE cache_tasks ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
-- Pruning finished tasks by age.
CREATE INDEX idx_cache_tasks_completed ON cache_tasks (status, completed_at);

-- The per-account cap evicts one account's least recently accessed entries.
CREATE INDEX idx_cache_entries_account_accessed ON cache_entries (account_id, accessed_at);
-- ...and it serves every lookup by account, so the single-column index only costs writes.
DROP INDEX idx_cache_entries_account;

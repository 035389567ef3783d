-- V3: covering indexes for invalidation and cleanup.
-- Every page SQLCipher reads is decrypted and its HMAC checked, and small entries keep their payload
-- inside the table's pages; choosing which entries to remove must therefore read index pages only.

-- Pattern invalidation within one account: account equality plus a range on the key's literal prefix.
CREATE INDEX idx_cache_entries_account_key ON cache_entries (account_id, key, resource_type, stored_size);

-- Cleanup steps: expired first, then least recently accessed, then largest.
DROP INDEX idx_cache_entries_expires_at;
CREATE INDEX idx_cache_entries_expires ON cache_entries (expires_at, key, stored_size);
DROP INDEX idx_cache_entries_accessed_at;
CREATE INDEX idx_cache_entries_accessed ON cache_entries (accessed_at, key, stored_size);
DROP INDEX idx_cache_entries_stored_size;
CREATE INDEX idx_cache_entries_size ON cache_entries (stored_size DESC, accessed_at, key);

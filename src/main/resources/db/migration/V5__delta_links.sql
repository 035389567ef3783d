-- V5: where the delta sync of each account and resource stands (issue 16): the @odata.deltaLink of
-- its last complete round, kept in this encrypted file so a restart resumes where it stopped.
CREATE TABLE delta_links (
  account_id TEXT NOT NULL,
  resource TEXT NOT NULL,
  link TEXT NOT NULL,
  baseline_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, resource)
);

-- V4: sign-in state that has to survive a restart (the MSAL token cache), kept in this encrypted
-- file rather than beside it: every page of this table is encrypted and authenticated like the rest.
CREATE TABLE credentials (
  name TEXT PRIMARY KEY NOT NULL,
  data BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Importers look up earlier revisions by file content hash to warn about duplicate uploads.
create index fact_revision_hash on fact_revision (content_hash);

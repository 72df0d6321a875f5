-- Spring Modulith 2.0.3 event publication registry, schema v2 (the default), copied from
-- spring-modulith-events-jdbc: org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql.
-- Flyway owns the schema (spring.modulith.events.jdbc.schema-initialization.enabled=false); the H2 DDL
-- differs (VARCHAR columns, b-tree index), hence the vendor folder.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

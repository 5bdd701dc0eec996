// Bookkeeping for the graph migration runner: one node per applied migration.
CREATE CONSTRAINT graph_migration_version IF NOT EXISTS FOR (m:GraphMigration) REQUIRE m.version IS UNIQUE;

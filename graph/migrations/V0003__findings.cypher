// Classification findings: one per field and origin, reviewed by a DPO or a data lead.
CREATE CONSTRAINT finding_key IF NOT EXISTS FOR (n:Finding) REQUIRE n.key IS UNIQUE;
CREATE INDEX finding_organisation IF NOT EXISTS FOR (n:Finding) ON (n.organisation, n.department);
CREATE INDEX finding_status IF NOT EXISTS FOR (n:Finding) ON (n.status);

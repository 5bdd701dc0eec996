/**
 * Node labels and relationship types: the only ones Cypher is ever built with. Keep in sync with
 * libs/inventory/README.md (the graph model).
 */
export enum Label {
  Organisation = 'Organisation',
  Department = 'Department',
  Stakeholder = 'Stakeholder',
  DataSource = 'DataSource',
  Dataset = 'Dataset',
  Field = 'Field',
  ProcessingActivity = 'ProcessingActivity',
  Server = 'Server',
  Recipient = 'Recipient',
  DataFlow = 'DataFlow',
  /** A classification finding on a field (libs/findings). */
  Finding = 'Finding',
}

export enum Rel {
  /** (Organisation)-[:HAS_DEPARTMENT]->(Department) */
  HAS_DEPARTMENT = 'HAS_DEPARTMENT',
  /** (Organisation)-[:HAS_SERVER]->(Server) */
  HAS_SERVER = 'HAS_SERVER',
  /** (Organisation)-[:HAS_RECIPIENT]->(Recipient) */
  HAS_RECIPIENT = 'HAS_RECIPIENT',
  /** (Department)-[:OWNS]->(DataSource) */
  OWNS = 'OWNS',
  /** (Department)-[:RUNS]->(ProcessingActivity) */
  RUNS = 'RUNS',
  /** (Department|DataSource)-[:HAS_STAKEHOLDER]->(Stakeholder) */
  HAS_STAKEHOLDER = 'HAS_STAKEHOLDER',
  /** (DataSource)-[:HOSTED_ON]->(Server) */
  HOSTED_ON = 'HOSTED_ON',
  /** (DataSource)-[:CONTAINS]->(Dataset) */
  CONTAINS = 'CONTAINS',
  /** (Dataset)-[:HAS_FIELD]->(Field) */
  HAS_FIELD = 'HAS_FIELD',
  /** (Dataset)-[:REFERENCES {name, columns, referencedColumns}]->(Dataset): a foreign key. */
  REFERENCES = 'REFERENCES',
  /** (ProcessingActivity)-[:USES]->(Dataset|Field) */
  USES = 'USES',
  /** (ProcessingActivity)-[:DISCLOSES_TO]->(Recipient) */
  DISCLOSES_TO = 'DISCLOSES_TO',
  /** (ProcessingActivity)-[:TRANSFERS_TO {country, safeguard, documentation}]->(Recipient): Chapter V. */
  TRANSFERS_TO = 'TRANSFERS_TO',
  /** (DataFlow)-[:FLOWS_FROM]->(DataSource|Dataset) */
  FLOWS_FROM = 'FLOWS_FROM',
  /** (DataFlow)-[:FLOWS_TO]->(DataSource|Dataset) */
  FLOWS_TO = 'FLOWS_TO',
  /** (Field)-[:FEEDS {flow}]->(Field): a field carried by a flow into a downstream field (lineage). */
  FEEDS = 'FEEDS',
  /** (Field)-[:HAS_FINDING]->(Finding) (libs/findings) */
  HAS_FINDING = 'HAS_FINDING',
}

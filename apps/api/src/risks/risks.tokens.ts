/** The PostgreSQL repository of the DPO's risk decisions (built from the DataSource and the audit log). */
export const RISK_DECISIONS_TOKEN = Symbol('RiskDecisionsRepository');

export const NEO4J_DRIVER = Symbol('NEO4J_DRIVER');
export const GRAPH_OPTIONS = Symbol('GRAPH_OPTIONS');

export interface GraphConnectionOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

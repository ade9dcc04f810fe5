/** The JSON document of `apa consolidate --json`: its schema lives in core (score/check use core's `jsonDocumentSchema`). */
export { consolidationJsonSchema as consolidateJsonSchema } from '../core/consolidation-json';
export type { ConsolidationJson as ConsolidateJson } from '../core/consolidation-json';

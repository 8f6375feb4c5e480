/**
 * Synthetic report generator for tests and benchmarks (issue 2, item 5). Pure: no fs.
 * Every output says plainly that it is synthetic (see SYNTHETIC_BANNER).
 */
export { generateReport, type SynthReport, type TemplateVariant, type GenerateOptions } from "./generate-report";
export { synthesize, LAYOUTS, TEXT_LAYOUTS, type Layout, type SynthCase, type SynthOptions } from "./synthesize";
export { CORRUPTION_KINDS, type CorruptionKind, type LossyEdit } from "./corrupt-tables";
export { SYNTHETIC_BANNER } from "./compose-report";
export { findIdentityFailures, listIdentities, readValue, type IdentityFailure } from "./check-identities";
export { isForcedRecovery } from "./forced-oracle";
export { createRng, type Rng } from "./prng";

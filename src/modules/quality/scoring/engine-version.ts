// Stored with every score so scores made by an older engine can be found and scored again.
export const QUALITY_ENGINE_VERSION = '1';

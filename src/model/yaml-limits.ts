/** What both YAML readers (yaml-events.ts, the fast one; yaml-exact.ts, the exact one) hold a file to. */

/** YAML alias expansion limit (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Collections nested deeper than this are refused (a YAML mapping is not a program). */
export const MAX_YAML_DEPTH = 64;

/** Fields that hold a formula (and a scenario's `set:` values): a plain date there would be read as a subtraction. */
export const FORMULA_KEYS = new Set(['default', 'formula', 'path', 'expr']);
/** What YAML 1.1 reads as a timestamp (`2020-01-01`, `2020-1-1 10:00:00Z`); YAML 1.2 leaves it a string. */
export const YAML11_TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

/** Exit statuses: success, failure, and "completed with warnings" (some input could not be read). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_WARNINGS = 3;

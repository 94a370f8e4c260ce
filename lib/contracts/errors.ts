/**
 * How every API failure reads (PRODUCT.md, STYLE.md): `{ error: { code, message, path? } }`.
 * `message` can be shown to a person as it is; `path` names the field of the request at fault.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; path?: string };
}

/**
 * The named failures of the services. A service throws an error whose `reason` is one of these;
 * the API answers it with that reason as its `code` (server/api/domainErrors.ts says the status).
 */
export type RoundErrorReason = "round_not_found" | "round_not_open" | "round_closed" | "round_not_revealed" | "invalid_answers" | "unknown_participant" | "round_full";
export type VersionErrorReason = "version_not_found" | "version_quota";
export type BoardErrorReason = "unknown_template";
/** Why a PDF report could not be made: no Chromium (503), a render that took too long or failed, a server going away. */
export type ReportErrorReason = "chromium_missing" | "pdf_timeout" | "pdf_failed" | "shutting_down";

// The business profile the server runs with (GET /api/v1/profile): the pages take their lists (places, categories,
// triggers) and examples from it, so another retailer's profile shows its own words with no change to the pages.
import { api } from './api.js';

let loading = null;

/** The profile summary, fetched once per page. */
export function loadProfile() {
  loading ??= api('api/v1/profile');
  return loading;
}

/** "region" -> "Region". */
export const capitalize = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

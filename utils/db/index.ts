/**
 * The one store handle of a context (background or extension page). Opening is lazy and the
 * handle holds no state of its own, so a service worker stopped and restarted simply reopens it.
 */
import { StandpointDB } from './database';

let handle: StandpointDB | undefined;

/** The store, opened on first use. */
export function getDb(): StandpointDB {
  handle ??= new StandpointDB();
  return handle;
}

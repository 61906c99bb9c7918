/** How long a console session lives, however active it is (the cookie's Max-Age too). */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
/** A session unused this long is over: a forgotten signed-in browser does not stay open. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;

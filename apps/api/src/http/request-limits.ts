/** The largest JSON body the API reads (Fastify's bodyLimit); a larger one is a 413. */
export const BODY_LIMIT = 256 * 1024;

/** The longest path parameter Fastify's router accepts; a longer one is a 414. */
export const MAX_PARAM_LENGTH = 200;

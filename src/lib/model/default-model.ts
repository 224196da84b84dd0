/** The weights folder under static/weights/ that pages load by default (kept apart so Node tools need no Vite). */
export const DEFAULT_MODEL = 'shapes-mrcnn-r10s';

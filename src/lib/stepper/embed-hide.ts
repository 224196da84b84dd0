// What an /embed/model link may hide (`hide=a,b`): a slide wants the picture, not the apparatus around it. The
// stepper marks its root with the hidden names (data-hide) and its stylesheet hides the parts; errors always show.
export const EMBED_MODEL_HIDE = ['status', 'controls', 'prose', 'nav'] as const;

/** "Figure only" in the embed-code dialog: the picture and its output, no prose, no controls (the heading stays). */
export const EMBED_MODEL_FIGURE_ONLY: readonly string[] = ['status', 'controls', 'prose'];

/**
 * The few parts of Observable Plot the chart uses, named, so the bundler leaves the rest
 * of Plot (geography, contours, rasters, trees…) out of the chunk the chart loads.
 */
export { barX, barY, plot, ruleX, ruleY, text } from '@observablehq/plot';

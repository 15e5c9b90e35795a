/**
 * Pictures the engine asks for: a {@link org.evenkeel.core.chart.MoodChart} is the data, a renderer
 * turns it into an image without any I/O. The engine depends on this package only; the drawing
 * library lives in the application (bot-app), so the core stays small.
 */
package org.evenkeel.core.chart;

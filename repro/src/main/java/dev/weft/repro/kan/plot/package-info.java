/**
 * The KAN network plot (pykan's plot()): {@link dev.weft.repro.kan.plot.KanPlot} draws a KAN's nodes and each edge's
 * activation curve, opacity by importance, symbolic edges named, to PNG and SVG with the JDK only.
 */
package dev.weft.repro.kan.plot;

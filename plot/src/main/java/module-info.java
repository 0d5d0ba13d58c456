/** Line charts and drawings as PNG (Java2D) and SVG; JDK only. {@code Drawing} takes {@code java.awt.Color}, so java.desktop is transitive. */
module dev.weft.plot {
    requires transitive java.desktop;

    exports dev.weft.plot;
}

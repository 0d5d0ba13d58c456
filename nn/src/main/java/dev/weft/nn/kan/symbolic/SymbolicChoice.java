package dev.weft.nn.kan.symbolic;

/**
 * What pykan's auto_symbolic did with edge i -&gt; j of layer l: fixed it to the best suggestion (FIXED), fixed a
 * masked edge to "0" (ZERO), left an edge that was symbolic already (SKIPPED), or left it numeric because the
 * best suggestion's R^2 is below the threshold (OMITTED). name and r2 are the function chosen or proposed (null and
 * NaN when skipped).
 *
 * @param l the layer
 * @param i the edge's input
 * @param j the edge's output
 * @param status what was done
 * @param name the function chosen or proposed (null when skipped)
 * @param r2 its R^2 (NaN when skipped)
 */
public record SymbolicChoice(int l, int i, int j, Status status, String name, double r2) {
    /** What auto_symbolic did with an edge. */
    public enum Status {
        /** Fixed to the best suggestion. */
        FIXED,
        /** A masked edge, fixed to "0". */
        ZERO,
        /** Symbolic already, left as it was. */
        SKIPPED,
        /** Left numeric: the best suggestion's R^2 is below the threshold. */
        OMITTED
    }

    @Override
    public String toString() {
        return switch (status) {
            case FIXED -> "fixing (" + l + "," + i + "," + j + ") with " + name + ", r2=" + r2;
            case ZERO -> "fixing (" + l + "," + i + "," + j + ") with 0";
            case SKIPPED -> "skipping (" + l + "," + i + "," + j + ") since already symbolic";
            case OMITTED -> "for (" + l + "," + i + "," + j + ") the best fit was " + name + ", but r2=" + r2 + " is below the threshold";
        };
    }
}

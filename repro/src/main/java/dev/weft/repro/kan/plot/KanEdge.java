package dev.weft.repro.kan.plot;

/**
 * One edge i -> j of layer l of a KAN as the network plot draws it: which branches are on, the symbolic function's
 * name, the importance score that sets its opacity, and its activation curve phi_{l,i,j} sampled at x[0] < ... < x[P-1].
 *
 * @param kind     which branch is on (a masked edge, neither branch on, has no KanEdge: it is not drawn)
 * @param function the symbolic function's name (pykan's, e.g. "sin") when the symbolic branch is on, else null
 * @param score    pykan's edge attribution score (KanAttribution), >= 0
 */
public record KanEdge(int layer, int in, int out, Kind kind, String function, double score, double[] x, double[] y) {
    /** pykan's colours: black for a spline, red for a symbolic function, purple for both at once. */
    public enum Kind { NUMERIC, SYMBOLIC, BOTH }

    public KanEdge {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("KanEdge (" + layer + "," + in + "," + out + "): " + x.length + " x and " + y.length
                    + " y values, needs the same number, at least 2");
        }
        if ((kind == Kind.NUMERIC) != (function == null)) {
            throw new IllegalArgumentException("KanEdge (" + layer + "," + in + "," + out + "): kind " + kind + " with function " + function);
        }
        x = x.clone();
        y = y.clone();
    }

    /** "(l,i,j) sin", or "(l,i,j) spline": the series name of its curve in the SVG, pykan's (l,i,j) numbering. */
    public String label() {
        return "(" + layer + "," + in + "," + out + ") " + switch (kind) {
            case NUMERIC -> "spline";
            case SYMBOLIC -> function;
            case BOTH -> "spline + " + function;
        };
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}

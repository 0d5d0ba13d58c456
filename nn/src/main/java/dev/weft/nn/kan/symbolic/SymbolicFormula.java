package dev.weft.nn.kan.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pykan's symbolic_formula as strings: every output of a stack of symbolic layers written out, layer by layer,
 * y_j = sum_i mask[j, i] (c f(a x_i + b) + d), each node a sum of terms over the previous ones. Constants are
 * printed with a fixed number of decimals; a term whose coefficient rounds to 0 is dropped, one that rounds to 1
 * or -1 loses its factor, like terms are merged. Easy identities keep the result short and the sign of a positive:
 * f odd: c f(a u + b) = -c f(-a u - b); f even: f(a u + b) = f(-a u - b); sin and cos: b reduced to [-pi/2, pi/2]
 * by f(u + pi) = -f(u); exp: the constant inside becomes a factor; x^k and 1/x of a single term take its
 * coefficient out. So exp(sin(pi x_1) + x_2^2) reads "exp(sin(3.14*x_1) + x_2^2)".
 */
public final class SymbolicFormula {
    private SymbolicFormula() {}

    /**
     * {@return the formulas of the outputs of layers, one per output}
     *
     * @param layers the symbolic layers, first to last
     * @param vars the names of the first layer's inputs
     * @param digits the decimals constants are written to
     */
    public static List<String> of(List<SymbolicKANLayer> layers, List<String> vars, int digits) {
        if (layers.isEmpty() || vars.size() != layers.get(0).inDim || digits < 0) {
            throw new IllegalArgumentException("SymbolicFormula: " + vars.size() + " variable names for " + (layers.isEmpty() ? 0 : layers.get(0).inDim)
                    + " inputs, digits " + digits);
        }
        List<Lin> x = new ArrayList<>();
        for (String v : vars) x.add(Lin.term(1, v));
        for (SymbolicKANLayer layer : layers) {
            if (layer.inDim != x.size()) throw new IllegalArgumentException("SymbolicFormula: a layer of " + layer.inDim + " inputs after " + x.size() + " nodes");
            double[] mask = layer.mask().toDoubleArray();
            List<Lin> y = new ArrayList<>();
            for (int j = 0; j < layer.outDim; j++) {
                Lin yj = new Lin();
                for (int i = 0; i < layer.inDim; i++) {
                    double m = mask[j * layer.inDim + i];
                    if (m != 0) yj.add(edge(layer.function(i, j), layer.affine(i, j), x.get(i), digits).scale(m));
                }
                y.add(yj);
            }
            x = y;
        }
        List<String> out = new ArrayList<>();
        for (Lin l : x) out.add(l.render(digits));
        return out;
    }

    /** c f(a e + b) + d as a sum of terms. */
    static Lin edge(SymbolicFunction f, double[] abcd, Lin e, int digits) {
        double a = abcd[0], b = abcd[1], c = abcd[2], d = abcd[3];
        if (a < 0 && f.parity() == SymbolicFunction.Parity.ODD) { a = -a; b = -b; c = -c; }
        if (a < 0 && f.parity() == SymbolicFunction.Parity.EVEN) { a = -a; b = -b; }
        if (f.name().equals("sin") || f.name().equals("cos")) {
            double k = Math.rint(b / Math.PI);
            b -= k * Math.PI;
            if (Math.abs(k % 2) == 1) c = -c;
        }
        Lin u = e.copy().scale(a);
        u.constant += b;
        Lin out;
        if (f.name().equals("0")) {
            out = new Lin();
        } else if (u.terms.isEmpty()) {
            out = Lin.constant(c * f.apply(u.constant));
        } else {
            out = switch (f.name()) {
                case "x" -> u.scale(c);
                case "x^2" -> power(u, 2, digits).scale(c);
                case "x^3" -> power(u, 3, digits).scale(c);
                case "x^4" -> power(u, 4, digits).scale(c);
                case "1/x" -> reciprocal(u, digits).scale(c);
                case "exp" -> {
                    double k = u.constant;
                    u.constant = 0;
                    yield Lin.term(c * Math.exp(k), "exp(" + u.render(digits) + ")");
                }
                case "gaussian" -> {
                    Lin sq = power(u, 2, digits);
                    Map.Entry<String, Double> t = sq.terms.entrySet().iterator().next();
                    yield Lin.term(c, "exp(" + Lin.term(-t.getValue(), t.getKey()).render(digits) + ")");
                }
                default -> Lin.term(c, f.name() + "(" + u.render(digits) + ")");
            };
        }
        out.constant += d;
        return out;
    }

    /** (u)^k; a single term k0 * A with no constant gives k0^k * A^k. */
    private static Lin power(Lin u, int k, int digits) {
        Map.Entry<String, Double> t = u.single(digits);
        if (t != null) return Lin.term(Math.pow(t.getValue(), k), wrap(t.getKey()) + "^" + k);
        return Lin.term(1, "(" + u.render(digits) + ")^" + k);
    }

    private static Lin reciprocal(Lin u, int digits) {
        Map.Entry<String, Double> t = u.single(digits);
        if (t != null) return Lin.term(1 / t.getValue(), "1/" + wrap(t.getKey()));
        return Lin.term(1, "1/(" + u.render(digits) + ")");
    }

    /** A in parentheses unless it is a name or one function call. */
    private static String wrap(String atom) {
        if (atom.matches("[A-Za-z_][A-Za-z_0-9]*")) return atom;
        int open = atom.indexOf('(');
        if (open > 0 && atom.substring(0, open).matches("[A-Za-z_][A-Za-z_0-9]*") && atom.endsWith(")") && closes(atom, open) == atom.length() - 1) {
            return atom;
        }
        return "(" + atom + ")";
    }

    private static int closes(String s, int open) {
        int depth = 0;
        for (int p = open; p < s.length(); p++) {
            if (s.charAt(p) == '(') depth++;
            if (s.charAt(p) == ')' && --depth == 0) return p;
        }
        return -1;
    }

    /** sum_t coef_t * atom_t + constant, atoms keyed by their text (so like terms merge). */
    static final class Lin {
        final Map<String, Double> terms = new LinkedHashMap<>();
        double constant;

        static Lin term(double coef, String atom) {
            Lin l = new Lin();
            l.terms.put(atom, coef);
            return l;
        }

        static Lin constant(double v) {
            Lin l = new Lin();
            l.constant = v;
            return l;
        }

        Lin copy() {
            Lin l = new Lin();
            l.terms.putAll(terms);
            l.constant = constant;
            return l;
        }

        Lin scale(double k) {
            terms.replaceAll((atom, c) -> c * k);
            constant *= k;
            return this;
        }

        void add(Lin o) {
            o.terms.forEach((atom, c) -> terms.merge(atom, c, Double::sum));
            constant += o.constant;
        }

        /** The one term (atom, coefficient) when there is one and the constant rounds to 0; else null. */
        Map.Entry<String, Double> single(int digits) {
            if (terms.size() != 1 || !isZero(constant, digits)) return null;
            return terms.entrySet().iterator().next();
        }

        String render(int digits) {
            StringBuilder s = new StringBuilder();
            for (var t : terms.entrySet()) {
                double c = t.getValue();
                if (isZero(c, digits)) continue;
                String body = isZero(Math.abs(c) - 1, digits) ? t.getKey() : format(Math.abs(c), digits) + "*" + t.getKey();
                append(s, c < 0, body);
            }
            if (!isZero(constant, digits) || s.isEmpty()) append(s, constant < 0 && !isZero(constant, digits), format(Math.abs(constant), digits));
            return s.toString();
        }

        private static void append(StringBuilder s, boolean negative, String body) {
            if (s.isEmpty()) s.append(negative ? "-" : "").append(body);
            else s.append(negative ? " - " : " + ").append(body);
        }

        static boolean isZero(double v, int digits) {
            return Math.abs(v) < 0.5 * Math.pow(10, -digits);
        }

        static String format(double v, int digits) {
            return String.format(Locale.ROOT, "%." + digits + "f", v);
        }
    }
}

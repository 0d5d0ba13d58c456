package dev.weft.repro.kan.feynman;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A formula written as a Python (NumPy) expression, as the Feynman data set's CSV gives them
 * ({@code exp(-(theta/sigma)**2/2)/(sqrt(2*pi)*sigma)}), parsed once by recursive descent and evaluated in doubles.
 * The subset: numbers ({@code 2}, {@code 0.5}, {@code 1e-3}), variable names, {@code pi}, binary {@code + - * / **},
 * unary {@code -} and {@code +}, parentheses, and the one-argument functions exp, sqrt, sin, cos, tan, tanh, arcsin,
 * arccos, arctan, log, ln (both natural), abs. Python's precedence: {@code **} binds tighter than unary minus on its
 * left ({@code -x**2 = -(x**2)}) and looser on its right ({@code 2**-1 = 0.5}), and groups to the right
 * ({@code a**b**c = a**(b**c)}); {@code /} is true division.
 *
 * <pre>
 * expr  := term (('+' | '-') term)*
 * term  := unary (('*' | '/') unary)*
 * unary := ('-' | '+') unary | power
 * power := atom ('**' unary)?
 * atom  := NUMBER | NAME | NAME '(' expr ')' | '(' expr ')'
 * </pre>
 */
public final class PyFormula {
    /** A compiled node: its value given the variables' values, in the order of {@link #variables()}. */
    private interface Node {
        double eval(double[] v);
    }

    private final String text;
    private final List<String> variables;
    private final Node root;

    private PyFormula(String text, List<String> variables, Node root) {
        this.text = text;
        this.variables = variables;
        this.root = root;
    }

    /**
     * Parses text over the named variables ({@code pi} is the constant unless it is one of them).
     *
     * @throws IllegalArgumentException naming the offset and what was found there, for a syntax error, an unknown name
     *     or function, or a duplicated variable name
     */
    public static PyFormula parse(String text, List<String> variables) {
        List<String> vars = List.copyOf(variables);
        for (int i = 0; i < vars.size(); i++) {
            if (vars.indexOf(vars.get(i)) != i) {
                throw new IllegalArgumentException("PyFormula: variable '" + vars.get(i) + "' named twice in " + vars);
            }
        }
        Parser p = new Parser(text, vars);
        Node root = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        return new PyFormula(text, vars, root);
    }

    /** The formula's value at the given values of {@link #variables()}, in that order. */
    public double eval(double... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("PyFormula '" + text + "': " + values.length + " values for the "
                    + variables.size() + " variables " + variables);
        }
        return root.eval(values);
    }

    public List<String> variables() {
        return variables;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "PyFormula(" + text + " over " + variables + ")";
    }

    private static final class Parser {
        final String s;
        final List<String> vars;
        int pos;

        Parser(String s, List<String> vars) {
            this.s = s;
            this.vars = vars;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "PyFormula: %s at offset %d in '%s'", what, pos, s));
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        /** True (and consumed) when the next token is op; a lone '*' does not match the start of '**'. */
        boolean accept(String op) {
            skipSpace();
            if (!s.startsWith(op, pos)) return false;
            if (op.equals("*") && s.startsWith("**", pos)) return false;
            pos += op.length();
            return true;
        }

        Node expr() {
            Node left = term();
            while (true) {
                if (accept("+")) left = binary(left, term(), Double::sum);
                else if (accept("-")) left = binary(left, term(), (a, b) -> a - b);
                else return left;
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                if (accept("*")) left = binary(left, unary(), (a, b) -> a * b);
                else if (accept("/")) left = binary(left, unary(), (a, b) -> a / b);
                else return left;
            }
        }

        Node unary() {
            if (accept("-")) {
                Node n = unary();
                return v -> -n.eval(v);
            }
            if (accept("+")) return unary();
            return power();
        }

        Node power() {
            Node base = atom();
            // the exponent is a unary expression, so 2**-1 parses and a**b**c groups as a**(b**c)
            if (accept("**")) return binary(base, unary(), Math::pow);
            return base;
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) throw error("unexpected end, expected a number, a name or '('");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expr();
                if (!accept(")")) throw error(found("')'"));
                return inner;
            }
            if (Character.isDigit(c) || c == '.') return number();
            if (Character.isLetter(c) || c == '_') return name();
            throw error("unexpected '" + c + "'");
        }

        String found(String expected) {
            return pos >= s.length() ? "unexpected end, expected " + expected : "expected " + expected + " but found '" + s.charAt(pos) + "'";
        }

        Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int e = pos + 1;
                if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) e++;
                if (e < s.length() && Character.isDigit(s.charAt(e))) {
                    pos = e;
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                }
            }
            String lit = s.substring(start, pos);
            double value;
            try {
                value = Double.parseDouble(lit);
            } catch (NumberFormatException ex) {
                pos = start;
                throw error("bad number '" + lit + "'");
            }
            return v -> value;
        }

        Node name() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            String name = s.substring(start, pos);
            int index = vars.indexOf(name);
            if (index >= 0) return v -> v[index];
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '(') {
                DoubleUnaryOperator f = function(name);
                if (f == null) {
                    pos = start;
                    throw error("unknown function '" + name + "'");
                }
                pos++;
                Node arg = expr();
                if (!accept(")")) throw error(found("')' closing " + name + "("));
                return v -> f.applyAsDouble(arg.eval(v));
            }
            if (name.equals("pi")) return v -> Math.PI;
            pos = start;
            throw error("unknown name '" + name + "' (variables " + vars + ")");
        }

        static DoubleUnaryOperator function(String name) {
            return switch (name) {
                case "exp" -> Math::exp;
                case "sqrt" -> Math::sqrt;
                case "sin" -> Math::sin;
                case "cos" -> Math::cos;
                case "tan" -> Math::tan;
                case "tanh" -> Math::tanh;
                case "arcsin" -> Math::asin;
                case "arccos" -> Math::acos;
                case "arctan" -> Math::atan;
                case "log", "ln" -> Math::log;
                case "abs" -> Math::abs;
                default -> null;
            };
        }

        static Node binary(Node a, Node b, DoubleBinaryOperator op) {
            return v -> op.applyAsDouble(a.eval(v), b.eval(v));
        }
    }
}

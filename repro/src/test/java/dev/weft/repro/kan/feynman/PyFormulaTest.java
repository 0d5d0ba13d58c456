package dev.weft.repro.kan.feynman;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python-expression parser: golden values, Python's precedence and associativity, and errors that name the offset. */
class PyFormulaTest {
    static double eval(String text, List<String> vars, double... values) {
        return PyFormula.parse(text, vars).eval(values);
    }

    @Test
    void goldenValuesOfFeynmanFormulas() {
        // I.6.2 at sigma = 2, theta = 1: exp(-1/8) / (2 sqrt(2 pi))
        assertEquals(Math.exp(-0.125) / (2 * Math.sqrt(2 * Math.PI)),
                eval("exp(-(theta/sigma)**2/2)/(sqrt(2*pi)*sigma)", List.of("sigma", "theta"), 2, 1), 1e-15);
        assertEquals(0.17603266338214976, eval("exp(-(theta/sigma)**2/2)/(sqrt(2*pi)*sigma)", List.of("sigma", "theta"), 2, 1), 1e-15);
        // I.16.6 (u + v) / (1 + u v / c^2) at c = 2, v = 1, u = 3: 4 / 1.75
        assertEquals(4 / 1.75, eval("(u+v)/(1+u*v/c**2)", List.of("c", "v", "u"), 2, 1, 3), 1e-15);
        assertEquals(Math.asin(0.5 * Math.sin(1.2)), eval("arcsin(n*sin(theta2))", List.of("n", "theta2"), 0.5, 1.2), 1e-15);
        assertEquals(1 + 4 + 2 * 2 * Math.cos(0.3), eval("I1+I2+2*sqrt(I1*I2)*cos(delta)", List.of("I1", "I2", "delta"), 1, 4, 0.3), 1e-14);
        assertEquals(0.5 * 3 * 4, eval("1/2*k_spring*x**2", List.of("k_spring", "x"), 3, 2), 1e-15);
    }

    @Test
    void everyFunctionAndConstant() {
        double x = 0.3;
        List<String> v = List.of("x");
        assertEquals(Math.exp(x), eval("exp(x)", v, x), 0);
        assertEquals(Math.sqrt(x), eval("sqrt(x)", v, x), 0);
        assertEquals(Math.sin(x), eval("sin(x)", v, x), 0);
        assertEquals(Math.cos(x), eval("cos(x)", v, x), 0);
        assertEquals(Math.tan(x), eval("tan(x)", v, x), 0);
        assertEquals(Math.tanh(x), eval("tanh(x)", v, x), 0);
        assertEquals(Math.asin(x), eval("arcsin(x)", v, x), 0);
        assertEquals(Math.acos(x), eval("arccos(x)", v, x), 0);
        assertEquals(Math.atan(x), eval("arctan(x)", v, x), 0);
        assertEquals(Math.log(x), eval("log(x)", v, x), 0);
        assertEquals(Math.log(x), eval("ln(x)", v, x), 0);
        assertEquals(x, eval("abs(-x)", v, x), 0);
        assertEquals(Math.PI, eval("pi", List.of()), 0);
        assertEquals(7, eval("pi", List.of("pi"), 7), 0, "a variable named pi shadows the constant");
        assertEquals(1.5e-3, eval("1.5e-3", List.of()), 0);
        assertEquals(0.25, eval(".25", List.of()), 0);
        assertEquals(2e3, eval("2E+3", List.of()), 0);
    }

    @Test
    void pythonPrecedenceAndAssociativity() {
        List<String> none = List.of();
        assertEquals(7, eval("1 + 2 * 3", none), 0);
        assertEquals(9, eval("(1 + 2) * 3", none), 0);
        assertEquals(2, eval("8 / 2 / 2", none), 0, "/ groups to the left");
        assertEquals(0, eval("1 - 2 + 1", none), 0, "- groups to the left");
        assertEquals(Math.pow(2, 9), eval("2**3**2", none), 0, "** groups to the right: 2**(3**2) = 512, not 64");
        assertEquals(-4, eval("-2**2", none), 0, "-2**2 = -(2**2)");
        assertEquals(0.5, eval("2**-1", none), 0, "the exponent may carry a unary minus");
        assertEquals(12, eval("3*2**2", none), 0, "** before *");
        assertEquals(0.5, eval("1/2", none), 0, "true division");
        assertEquals(3, eval("--3", none), 0);
        assertEquals(-1, eval("+-1", none), 0);
        assertEquals(Math.pow(2, -Math.pow(2, 2)), eval("2**-2**2", none), 0, "2**-2**2 = 2**(-(2**2))");
    }

    @Test
    void badInputNamesTheOffset() {
        List<String> v = List.of("x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x + )", v));
        assertTrue(e.getMessage().contains("at offset 4") && e.getMessage().contains("')'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("(x + y", v));
        assertTrue(e.getMessage().contains("offset 6") && e.getMessage().contains("expected ')'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x * z", v));
        assertTrue(e.getMessage().contains("unknown name 'z'") && e.getMessage().contains("offset 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("2*gamma(x)", v));
        assertTrue(e.getMessage().contains("unknown function 'gamma'") && e.getMessage().contains("offset 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x y", v));
        assertTrue(e.getMessage().contains("unexpected 'y' at offset 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x ** ", v));
        assertTrue(e.getMessage().contains("unexpected end") && e.getMessage().contains("offset 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("1.2.3", v));
        assertTrue(e.getMessage().contains("bad number '1.2.3'") && e.getMessage().contains("offset 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x", List.of("x", "x")));
        assertTrue(e.getMessage().contains("named twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PyFormula.parse("x + y", v).eval(1));
        assertTrue(e.getMessage().contains("1 values for the 2 variables"), e.getMessage());
    }
}

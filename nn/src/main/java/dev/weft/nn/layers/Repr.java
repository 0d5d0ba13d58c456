package dev.weft.nn.layers;

import java.math.BigDecimal;

/** Number and tuple formatting for the layers' printed form (doubles as Python prints them: 1e-05, 0.1, 1.0). */
final class Repr {
    private Repr() {}

    /** Shortest round-trip digits; scientific (2-digit exponent) below 1e-4 or from 1e16, as Python's repr. */
    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        BigDecimal d = new BigDecimal(Double.toString(v));               // shortest digits, exact decimal
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e16)) {
            BigDecimal unscaled = d.stripTrailingZeros();
            int exp = unscaled.precision() - unscaled.scale() - 1;
            String mant = unscaled.movePointLeft(exp).toPlainString();
            return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String s = d.stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** (3, 3) style; one entry prints (3,). */
    static String tuple(int... v) {
        return dev.weft.tensor.core.Shape.format(v);
    }
}

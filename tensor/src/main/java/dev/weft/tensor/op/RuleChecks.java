package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Checks shared by the rules of every op family ({@code <Family>Rules}). Every message starts with the
 * op name and lists the shapes it is about.
 */
final class RuleChecks {
    private RuleChecks() {}

    /** One output spec as the array the rules return. */
    static OutSpec[] one(OutSpec s) {
        return new OutSpec[] {s};
    }

    static void arity(String op, Strided[] inputs, int n) {
        if (inputs.length != n) {
            throw new IllegalArgumentException(op + ": expected " + n + " input(s), got " + inputs.length);
        }
    }

    /** "(2, 3) and (3,)": the shapes of all inputs. */
    static String shapes(Strided[] inputs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) sb.append(i == 0 ? "" : " and ").append(Shape.format(inputs[i].shape()));
        return sb.toString();
    }

    static void sameDtype(String op, Strided a, Strided b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": input dtypes " + a.dtype() + " and " + b.dtype()
                    + " differ (shapes " + Shape.format(a.shape()) + " and " + Shape.format(b.shape()) + ")");
        }
    }

    static void floating(String op, Strided x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating dtype (f32 or f64), got " + x.dtype()
                    + " for input " + Shape.format(x.shape()));
        }
    }

    /**
     * "input (4, 5), index (2, 3)": names paired with the shapes of ts, spelled out only when an error
     * message asks for it ({@link Object#toString}): rules run on every op call.
     */
    static Object shapes(String[] names, Strided... ts) {
        return new NamedShapes(names, ts);
    }

    private record NamedShapes(String[] names, Strided[] ts) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ts.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(Shape.format(ts[i].shape()));
            }
            return sb.toString();
        }
    }

    /** An IllegalArgumentException "op: context: problem". */
    static IllegalArgumentException fail(String op, Object context, String problem) {
        return new IllegalArgumentException(op + ": " + context + ": " + problem);
    }

    static void floating(String op, Strided t, Object context) {
        if (!t.dtype().isFloatingPoint()) throw fail(op, context, "expected a floating dtype (f32 or f64), got " + t.dtype());
    }

    static void dtype(String op, String what, Strided t, DType want, Object context) {
        if (t.dtype() != want) throw fail(op, context, what + " must be " + want + ", got " + t.dtype());
    }

    static void sameDtype(String op, String aName, Strided a, String bName, Strided b, Object context) {
        if (a.dtype() != b.dtype()) {
            throw fail(op, context, aName + " dtype " + a.dtype() + " and " + bName + " dtype " + b.dtype() + " differ");
        }
    }

    /** dim must be a normalized dim of a tensor of the given rank (>= 1). */
    static void dim(String op, int dim, int rank, Object context) {
        if (rank < 1) throw fail(op, context, "expected a tensor with at least 1 dim");
        if (dim < 0 || dim >= rank) throw fail(op, context, "dim " + dim + " out of range for rank " + rank);
    }

    /** The product of the sizes, with an error naming the op when it exceeds the int range. */
    static int numel(String op, int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": output shape " + Shape.format(shape) + " has more than "
                    + Integer.MAX_VALUE + " elements");
        }
        return (int) n;
    }
}

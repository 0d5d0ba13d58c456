package dev.weft.nn.onnx;

import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Elementwise, matrix and reduction operators: Add/Sub/Mul/Div/Pow, comparisons, Where, the activations, Cast,
 * MatMul, Gemm, Softmax/LogSoftmax, ReduceMean/ReduceSum/ReduceMax. NumPy broadcasting throughout, as ONNX has it.
 */
final class MathOps {
    private MathOps() {}

    static void register(Map<String, OnnxOp> ops) {
        binary(ops, "Add", Tensor::add);
        binary(ops, "Sub", Tensor::sub);
        binary(ops, "Mul", Tensor::mul);
        binary(ops, "Div", MathOps::div);
        binary(ops, "Pow", MathOps::pow);
        binary(ops, "Equal", Tensor::eq);
        binary(ops, "Less", Tensor::lt);
        binary(ops, "LessOrEqual", Tensor::le);
        binary(ops, "Greater", Tensor::gt);
        binary(ops, "GreaterOrEqual", Tensor::ge);
        binary(ops, "And", Tensor::logicalAnd);
        binary(ops, "Or", Tensor::logicalOr);
        unary(ops, "Relu", Tensor::relu);
        unary(ops, "Sigmoid", Tensor::sigmoid);
        unary(ops, "Tanh", Tensor::tanh);
        unary(ops, "Erf", Tensor::erf);
        unary(ops, "Sqrt", Tensor::sqrt);
        unary(ops, "Exp", Tensor::exp);
        unary(ops, "Log", Tensor::log);
        unary(ops, "Neg", Tensor::neg);
        unary(ops, "Abs", Tensor::abs);
        unary(ops, "Reciprocal", Tensor::reciprocal);
        unary(ops, "Floor", Tensor::floor);
        unary(ops, "Ceil", Tensor::ceil);
        unary(ops, "Not", Tensor::logicalNot);
        unary(ops, "Softplus", Tensor::softplus);
        ops.put("LeakyRelu", n -> {
            n.arity(1, 1, 1);
            double alpha = n.f("alpha", 0.01f);
            n.noOtherAttributes();
            return OnnxOp.single(in -> in[0].leakyRelu(alpha));
        });
        ops.put("Gelu", n -> {
            n.arity(1, 1, 1);
            String approximate = n.s("approximate", "none");
            if (!approximate.equals("none") && !approximate.equals("tanh")) throw n.error("approximate must be none or tanh, got " + approximate);
            n.noOtherAttributes();
            return OnnxOp.single(in -> in[0].gelu(approximate));
        });
        ops.put("Clip", MathOps::clip);
        ops.put("Where", n -> {
            n.arity(3, 3, 1).noOtherAttributes();
            return OnnxOp.single(in -> Tensor.where(in[0], in[1], in[2]));
        });
        ops.put("Cast", n -> {
            n.arity(1, 1, 1);
            int to = n.int32("to", -1);
            n.s("saturate", "");
            n.noOtherAttributes();
            DType t = OnnxTensors.dtypeOf(to);
            if (t == null) throw n.error("cannot cast to " + OnnxTensors.typeName(to));
            return OnnxOp.single(in -> in[0].to(t));
        });
        ops.put("MatMul", n -> {
            n.arity(2, 2, 1).noOtherAttributes();
            return OnnxOp.single(in -> in[0].matmul(in[1]));
        });
        ops.put("Gemm", MathOps::gemm);
        ops.put("Softmax", n -> softmax(n, false));
        ops.put("LogSoftmax", n -> softmax(n, true));
        ops.put("ReduceMean", n -> reduce(n, "ReduceMean", 18));
        ops.put("ReduceSum", n -> reduce(n, "ReduceSum", 13));
        ops.put("ReduceMax", n -> reduce(n, "ReduceMax", 18));
    }

    private static void binary(Map<String, OnnxOp> ops, String name, BinaryOperator<Tensor> f) {
        ops.put(name, n -> {
            n.arity(2, 2, 1).noOtherAttributes();
            return OnnxOp.single(in -> f.apply(in[0], in[1]));
        });
    }

    private static void unary(Map<String, OnnxOp> ops, String name, UnaryOperator<Tensor> f) {
        ops.put(name, n -> {
            n.arity(1, 1, 1).noOtherAttributes();
            return OnnxOp.single(in -> f.apply(in[0]));
        });
    }

    /** ONNX Div: true division for floats, truncation toward zero for integers (shape arithmetic). */
    static Tensor div(Tensor a, Tensor b) {
        if (a.dtype().isFloatingPoint() || b.dtype().isFloatingPoint()) return a.div(b);
        DType t = DType.promote(a.dtype(), b.dtype());
        Tensor q = a.to(DType.F64).div(b.to(DType.F64));
        return Tensor.where(q.lt(0.0), q.ceil(), q.floor()).to(t);
    }

    /** Pow with a one-element exponent takes the scalar path (x^2 in LayerNorm's exported form). */
    static Tensor pow(Tensor x, Tensor y) {
        if (y.numel() == 1 && y.dim() <= x.dim()) {
            Tensor r = x.pow(y.item());
            return y.dim() == 0 ? r : r.reshape(dev.weft.tensor.core.Shape.broadcast("Pow", x.shape(), y.shape()));
        }
        return x.pow(y.to(x.dtype()));
    }

    private static OnnxOp.Kernel clip(OpNode n) {
        n.arity(1, 3, 1);
        if (n.opset() < 11) {
            double lo = n.f("min", Float.NEGATIVE_INFINITY), hi = n.f("max", Float.POSITIVE_INFINITY);
            n.noOtherAttributes();
            return OnnxOp.single(in -> in[0].clamp(lo, hi));
        }
        n.noOtherAttributes();
        return OnnxOp.single(in -> in[0].clamp(in.length > 1 && in[1] != null ? in[1].item() : Double.NEGATIVE_INFINITY,
                in.length > 2 && in[2] != null ? in[2].item() : Double.POSITIVE_INFINITY));
    }

    /** Gemm: Y = alpha * A' B' + beta * C, A' = transA ? A^T : A, B' likewise, C broadcast to (M, N). */
    private static OnnxOp.Kernel gemm(OpNode n) {
        n.arity(2, 3, 1);
        double alpha = n.f("alpha", 1f), beta = n.f("beta", 1f);
        boolean ta = n.i("transA", 0) != 0, tb = n.i("transB", 0) != 0;
        n.noOtherAttributes();
        return OnnxOp.single(in -> {
            Tensor a = in[0], b = in[1], c = in.length > 2 ? in[2] : null;
            if (a.dim() != 2 || b.dim() != 2) {
                throw new IllegalArgumentException("Gemm: A " + Values.shape(a) + " and B " + Values.shape(b) + " must be 2-d");
            }
            if (!ta && tb && alpha == 1 && beta == 1 && (c == null || c.dim() == 1)) {
                return F.linear(a, b, c); // the Linear layer's exported form: x W^T + b
            }
            Tensor y = (ta ? a.t() : a).matmul(tb ? b.t() : b);
            if (alpha != 1) y = y.mul(alpha);
            if (c != null && beta != 0) y = y.add(beta == 1 ? c : c.mul(beta));
            return y;
        });
    }

    /**
     * Softmax / LogSoftmax. From opset 13 along one axis (default -1); before 13 the input is coerced to 2-d at
     * axis (default 1), softmax taken over the flattened trailing block, and reshaped back.
     */
    private static OnnxOp.Kernel softmax(OpNode n, boolean log) {
        n.arity(1, 1, 1);
        boolean modern = n.opset() >= 13;
        long axis = n.i("axis", modern ? -1 : 1);
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int ax = Values.axis(who, axis, Math.max(1, x.dim()));
            if (modern || ax == x.dim() - 1) return log ? x.logSoftmax(ax) : x.softmax(ax);
            int[] shape = x.shape();
            Tensor flat = x.flatten(ax, -1);
            Tensor y = log ? flat.logSoftmax(ax) : flat.softmax(ax);
            return y.reshape(shape);
        });
    }

    /**
     * ReduceMean / ReduceSum / ReduceMax over axes (an attribute before {@code inputFrom}, the optional second input
     * from then on); no axes reduces everything unless noop_with_empty_axes. keepdims defaults to 1.
     */
    private static OnnxOp.Kernel reduce(OpNode n, String name, int inputFrom) {
        boolean axesInput = n.opset() >= inputFrom;
        n.arity(1, axesInput ? 2 : 1, 1);
        boolean keep = n.i("keepdims", 1) != 0;
        boolean noop = n.i("noop_with_empty_axes", 0) != 0;
        int[] attrAxes = axesInput ? null : n.ints("axes");
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] axes = axesInput ? (in.length > 1 && in[1] != null ? Values.ints(in[1], who + " axes") : null) : attrAxes;
            if (axes == null || axes.length == 0) {
                if (noop) return x;
                axes = new int[x.dim()];
                for (int i = 0; i < axes.length; i++) axes[i] = i;
            }
            int[] dims = new int[axes.length];
            for (int i = 0; i < axes.length; i++) dims[i] = Values.axis(who, axes[i], x.dim());
            return switch (name) {
                case "ReduceMean" -> x.mean(dims, keep);
                case "ReduceSum" -> x.sum(dims, keep);
                default -> x.amax(dims, keep);
            };
        });
    }
}

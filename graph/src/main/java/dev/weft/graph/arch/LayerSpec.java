package dev.weft.graph.arch;

import dev.weft.nn.Module;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.SiLU;
import dev.weft.nn.layers.Sigmoid;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;

/**
 * One layer of an {@link ArchSpec}: what is needed to build it again (sizes and options), nothing trained.
 * The closed set of layers an architecture graph can describe; {@link #build} makes a fresh module.
 */
public sealed interface LayerSpec {
    /**
     * A fresh module with this layer's structure, its parameters drawn from {@code g}.
     *
     * @param g the generator for the parameters
     * @return the new module
     */
    Module build(Generator g);

    /**
     * {@code nn.Linear(in, out, bias)}.
     *
     * @param in input features, at least 1
     * @param out output features, at least 1
     * @param bias whether the layer has a bias
     */
    record Linear(int in, int out, boolean bias) implements LayerSpec {
        /** Checks the sizes; throws IllegalArgumentException if one is below 1. */
        public Linear {
            if (in < 1 || out < 1) throw new IllegalArgumentException("LayerSpec.Linear: in=" + in + ", out=" + out + " must be >= 1");
        }

        @Override
        public Module build(Generator g) {
            return new dev.weft.nn.layers.Linear(in, out, bias, g);
        }
    }

    /**
     * {@code nn.Conv2d(in, out, kernel, stride, padding, bias)}: square kernel, dilation 1, groups 1, zero padding.
     *
     * @param in input channels, at least 1
     * @param out output channels, at least 1
     * @param kernel the kernel side, at least 1
     * @param stride the stride, at least 1
     * @param padding the zero padding on each side, at least 0
     * @param bias whether the layer has a bias
     */
    record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) implements LayerSpec {
        /** Checks the sizes; throws IllegalArgumentException if one is out of range. */
        public Conv2d {
            if (in < 1 || out < 1 || kernel < 1 || stride < 1 || padding < 0) {
                throw new IllegalArgumentException("LayerSpec.Conv2d: in=" + in + ", out=" + out + ", kernel=" + kernel + ", stride="
                        + stride + ", padding=" + padding + ": sizes must be >= 1 and padding >= 0");
            }
        }

        @Override
        public Module build(Generator g) {
            return new dev.weft.nn.layers.Conv2d(dev.weft.nn.layers.Conv2d.options(in, out, kernel).stride(stride).padding(padding)
                    .bias(bias).generator(g));
        }
    }

    /**
     * {@code nn.BatchNorm2d(features)} with its affine scale and shift (PyTorch's defaults otherwise).
     *
     * @param features the channels C, at least 1
     */
    record BatchNorm2d(int features) implements LayerSpec {
        /** Checks the size; throws IllegalArgumentException if it is below 1. */
        public BatchNorm2d {
            if (features < 1) throw new IllegalArgumentException("LayerSpec.BatchNorm2d: features=" + features + " must be >= 1");
        }

        @Override
        public Module build(Generator g) {
            return new dev.weft.nn.layers.BatchNorm2d(features);
        }
    }

    /**
     * A parameter-free activation: one of {@link OpType#isActivation()}.
     *
     * @param op the activation's operation type
     */
    record Activation(OpType op) implements LayerSpec {
        /** Checks the type; throws IllegalArgumentException if it is not an activation. */
        public Activation {
            if (op == null || !op.isActivation()) throw new IllegalArgumentException("LayerSpec.Activation: " + op + " is not an activation");
        }

        @Override
        public Module build(Generator g) {
            return switch (op) {
                case RELU -> new ReLU();
                case TANH -> new Tanh();
                case SIGMOID -> new Sigmoid();
                case GELU -> new GELU();
                case SILU -> new SiLU();
                default -> throw new IllegalStateException(op.label());
            };
        }
    }

    /** {@code nn.Flatten()} (dims 1 to -1). */
    record Flatten() implements LayerSpec {
        @Override
        public Module build(Generator g) {
            return new dev.weft.nn.Flatten();
        }
    }

    /**
     * The spec of one module, or an error naming its position and class when no spec describes it.
     *
     * @param index the module's position in its Sequential, for the message
     * @param m the module
     * @return its layer spec
     * @throws IllegalArgumentException if no spec describes the module
     */
    static LayerSpec of(int index, Module m) {
        String where = "ArchSpec.of: layer " + index + " (" + m.reprName() + ")";
        return switch (m) {
            case dev.weft.nn.layers.Linear l -> new Linear(l.inFeatures, l.outFeatures, l.bias() != null);
            case dev.weft.nn.layers.Conv2d c -> conv(where, c);
            case dev.weft.nn.layers.BatchNorm2d b -> {
                if (!b.affine) throw new IllegalArgumentException(where + ": only affine batch norms are described");
                yield new BatchNorm2d(b.numFeatures);
            }
            case ReLU r -> new Activation(OpType.RELU);
            case Tanh t -> new Activation(OpType.TANH);
            case Sigmoid s -> new Activation(OpType.SIGMOID);
            case GELU ge -> new Activation(OpType.GELU);
            case SiLU si -> new Activation(OpType.SILU);
            case dev.weft.nn.Flatten f -> {
                if (f.startDim != 1 || f.endDim != -1) {
                    throw new IllegalArgumentException(where + ": only Flatten(1, -1) is described, got (" + f.startDim + ", " + f.endDim + ")");
                }
                yield new Flatten();
            }
            default -> throw new IllegalArgumentException(where + ": no layer spec for " + m.getClass().getSimpleName()
                    + " (described: Linear, Conv2d, BatchNorm2d, ReLU, Tanh, Sigmoid, GELU, SiLU, Flatten)");
        };
    }

    private static LayerSpec conv(String where, dev.weft.nn.layers.Conv2d c) {
        int[] k = c.kernelSize(), s = c.stride(), p = c.padding(), d = c.dilation();
        if (k[0] != k[1] || s[0] != s[1] || p[0] != p[1] || d[0] != 1 || d[1] != 1 || c.groups != 1
                || c.paddingMode != dev.weft.nn.layers.PaddingMode.ZEROS || c.toString().contains("padding='")) {
            throw new IllegalArgumentException(where + ": only square kernels, equal strides and paddings, dilation 1, groups 1 and "
                    + "numeric zero padding are described, got " + c);
        }
        return new Conv2d(c.inChannels, c.outChannels, k[0], s[0], p[0], c.bias() != null);
    }
}

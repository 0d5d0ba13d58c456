package dev.weft.graph.arch;

/**
 * The operation vocabulary of architecture graphs: every node of an {@link ArchGraph} is one of these. A node
 * that holds a parameter tensor (a layer's weight, a bias, a norm's scale) is typed by the tensor's role; the
 * parameter-free ops (activations, flatten) and the graph's two ends (input, output) have their own types.
 * {@link #ordinal()} is the index into a hypernetwork's operation embedding, so new types go at the end.
 */
public enum OpType {
    /** The graph's single input node (0). */
    INPUT("input"),
    /** The graph's single output node (N - 1). */
    OUTPUT("output"),
    /** Linear weight (C_out, C_in). */
    LINEAR("linear"),
    /** Conv2d weight (C_out, C_in, K, K). */
    CONV2D("conv2d"),
    /** BatchNorm2d scale gamma (C). */
    BATCH_NORM("batch_norm"),
    /** Any layer's additive bias (C): Linear, Conv2d, BatchNorm2d's beta. */
    BIAS("bias"),
    /** The ReLU activation. */
    RELU("relu"),
    /** The tanh activation. */
    TANH("tanh"),
    /** The logistic sigmoid activation. */
    SIGMOID("sigmoid"),
    /** The GELU activation. */
    GELU("gelu"),
    /** The SiLU (swish) activation. */
    SILU("silu"),
    /** Flatten of dims 1 to -1. */
    FLATTEN("flatten");

    private final String label;

    OpType(String label) {
        this.label = label;
    }

    /** {@return the lower-case name used in messages and DOT output ("linear", "relu")} */
    public String label() {
        return label;
    }

    /** {@return true for the types whose node holds one parameter tensor} */
    public boolean hasParameter() {
        return this == LINEAR || this == CONV2D || this == BATCH_NORM || this == BIAS;
    }

    /** {@return true for the activations a layer's weight can feed (relu, tanh, sigmoid, gelu, silu)} */
    public boolean isActivation() {
        return this == RELU || this == TANH || this == SIGMOID || this == GELU || this == SILU;
    }

    /** {@return the number of types: the size of an operation embedding} */
    public static int count() {
        return values().length;
    }
}

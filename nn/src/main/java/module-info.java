/**
 * Neural networks: Module and its layers, functional, losses, optimizers, data, io (safetensors),
 * training, KAN, hypernetworks and the rest. Every package is public API but
 * {@code dev.weft.nn.optim.kernel} (the optimizers' fused-kernel glue). Users of nn train with the tape,
 * so dev.weft.autograd (and through it dev.weft.tensor) is transitive.
 */
module dev.weft.nn {
    requires transitive dev.weft.autograd;
    requires dev.weft.kernels;

    exports dev.weft.nn;
    exports dev.weft.nn.attention;
    exports dev.weft.nn.data;
    exports dev.weft.nn.functional;
    exports dev.weft.nn.hopfield;
    exports dev.weft.nn.hyper;
    exports dev.weft.nn.init;
    exports dev.weft.nn.io;
    exports dev.weft.nn.kan;
    exports dev.weft.nn.kan.symbolic;
    exports dev.weft.nn.layers;
    exports dev.weft.nn.loss;
    exports dev.weft.nn.moe;
    exports dev.weft.nn.onnx;
    exports dev.weft.nn.operator;
    exports dev.weft.nn.optim;
    exports dev.weft.nn.optim.lr;
    exports dev.weft.nn.prune;
    exports dev.weft.nn.rnn;
    exports dev.weft.nn.sparse;
    exports dev.weft.nn.train;
    exports dev.weft.nn.weightspace;
}

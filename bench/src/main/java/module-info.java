/** The {@code weft bench} suites and JMH benchmarks. {@code dev.weft.bench} is what the CLI calls. */
module dev.weft.bench {
    requires transitive dev.weft.graph;
    requires dev.weft.kernels;
    requires dev.weft.cuda;
    requires jdk.incubator.vector;
    requires java.desktop;
    requires java.logging;
    requires jdk.management;
    requires jmh.core;
    requires dev.weft.plot;
    requires info.picocli;

    exports dev.weft.bench;

    uses dev.weft.bench.BenchSuite;
    provides dev.weft.bench.BenchSuite with
            dev.weft.bench.gemm.GemmBench,
            dev.weft.bench.elementwise.ElementwiseBench,
            dev.weft.bench.autograd.AutogradBench,
            dev.weft.bench.train.TrainMlpBench,
            dev.weft.bench.train.TrainCnnBench,
            dev.weft.bench.train.TrainLstmBench,
            dev.weft.bench.sparse.SpmmBench,
            dev.weft.bench.train.KanBench,
            dev.weft.bench.train.TrainGcnBench,
            dev.weft.bench.train.HyperBench,
            dev.weft.bench.sparse.SparseLinearBench,
            dev.weft.bench.report.BenchReport,
            dev.weft.bench.onnx.OnnxBench;
}

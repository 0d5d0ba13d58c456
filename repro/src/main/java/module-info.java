/** Paper reproductions and their harness (tables, charts, reports); the CLI calls the exported packages. */
module dev.weft.repro {
    requires transitive dev.weft.graph;
    requires dev.weft.kernels;
    requires jdk.incubator.vector;
    requires transitive dev.weft.plot; // KanPlot.drawing returns a dev.weft.plot.Drawing

    exports dev.weft.repro;
    exports dev.weft.repro.kan;
    exports dev.weft.repro.kan.plot;
    exports dev.weft.repro.report;

    uses dev.weft.repro.Reproduction;
    uses dev.weft.repro.SeedRunner.Provider;
    provides dev.weft.repro.Reproduction with
            dev.weft.repro.mnist.MnistMlp,
            dev.weft.repro.mnist.MnistCnn,
            dev.weft.repro.seq.LstmAdding,
            dev.weft.repro.graph.Planetoid.GcnCora,
            dev.weft.repro.graph.Planetoid.GcnCiteseer,
            dev.weft.repro.graph.Planetoid.SgcCora,
            dev.weft.repro.graph.Planetoid.GatCora,
            dev.weft.repro.graph.TuGin.GinMutag,
            dev.weft.repro.graph.TuGin.GinProteins,
            dev.weft.repro.graph.Node2VecKarate,
            dev.weft.repro.kan.KanToy,
            dev.weft.repro.kan.FanPeriodic,
            dev.weft.repro.hyper.HnetSplitMnist,
            dev.weft.repro.prune.LthLenet,
            dev.weft.repro.hyper.MipHyper,
            dev.weft.repro.hyper.GhnMlp,
            dev.weft.repro.sparse.SetFashion,
            dev.weft.repro.hopfield.HopfieldRetrieval,
            dev.weft.repro.weightspace.RebasinMnist,
            dev.weft.repro.toys.GrokkingModAdd,
            dev.weft.repro.toys.Superposition,
            dev.weft.repro.kan.KanFeynman,
            dev.weft.repro.kan.KanSpecial,
            dev.weft.repro.operator.DeepOnetAntiderivative;
}

/** The {@code weft} command (dev.weft.cli.Main); exports nothing. */
module dev.weft.cli {
    requires dev.weft.bench;
    requires dev.weft.repro;
    requires dev.weft.cuda;
    requires dev.weft.kernels;
    requires jdk.incubator.vector;
    requires java.desktop;
    requires java.logging;
    requires jdk.management;
    requires info.picocli;

    // picocli sets the annotated option fields and builds the version provider by reflection
    opens dev.weft.cli to info.picocli;

    uses dev.weft.bench.BenchSuite;
    uses dev.weft.repro.Reproduction;
}

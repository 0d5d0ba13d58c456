package dev.weft.cli;

import dev.weft.cuda.CudaInfo;
import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import picocli.CommandLine.Command;

/** {@code weft info}: what this JVM and machine give the engine. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "JDK, Vector API species, cores, backends present (CPU-SIMD, CPU-scalar, CUDA: found or why not).")
final class InfoCommand implements Callable<Integer> {
    private final Io io;

    InfoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return run(io.out());
    }

    static int run(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        out.printf("Weft %s%n", InfoCommand.class.getPackage().getImplementationVersion() == null
                ? "(development build)" : InfoCommand.class.getPackage().getImplementationVersion());
        out.printf("JDK            %s (%s, %s)%n", Runtime.version(), System.getProperty("java.vm.name"),
                System.getProperty("java.home"));
        out.printf("OS / arch      %s %s / %s%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        out.printf("Vector API     preferred species %d bits: %d x F32, %d x F64%n",
                FloatVector.SPECIES_PREFERRED.vectorBitSize(), FloatVector.SPECIES_PREFERRED.length(),
                DoubleVector.SPECIES_PREFERRED.length());
        out.printf("cores          %d available; kernel threads %d%n", rt.availableProcessors(), Parallel.threads());
        out.printf("max heap       %d MiB%n", rt.maxMemory() >> 20);
        out.println("backends:");
        out.printf("  CPU-SIMD     present (%s)%s%n", "Vector API " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit",
                KernelImpl.current() == KernelImpl.SIMD ? ", default" : "");
        out.printf("  CPU-scalar   present (reference kernels)%s%n",
                KernelImpl.current() == KernelImpl.SCALAR ? ", default (forced by -Dweft.kernels=scalar)" : "");
        out.printf("  CUDA         %s%n", CudaInfo.status());
        for (String line : CudaInfo.libraries()) out.printf("               %s%n", line);
        return 0;
    }
}

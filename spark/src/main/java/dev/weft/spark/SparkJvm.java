package dev.weft.spark;

import java.util.List;

/**
 * JVM facts for running Spark on JDK 25: the --add-opens list Spark's own launcher adds (JavaModuleOptions),
 * used for the child JVMs of {@link LocalStandaloneCluster}, and the runtime version check (Spark 4 needs
 * 25.0.3 or newer on JDK 25: earlier builds have a G1 bug it trips).
 */
public final class SparkJvm {
    private SparkJvm() {}

    /** Spark's JavaModuleOptions plus the Vector API module Weft's kernels need. */
    public static final List<String> OPENS = List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

    /**
     * Fails with a message naming the version when this JVM is a JDK 25 build older than 25.0.3.
     *
     * @throws IllegalStateException on such a JVM
     */
    public static void checkVersion() {
        Runtime.Version v = Runtime.version();
        if (v.feature() == 25 && (v.interim() == 0 && v.update() < 3)) {
            throw new IllegalStateException("Spark on JDK 25 needs 25.0.3 or newer (earlier builds have a G1 bug Spark trips); this is "
                    + v + " at " + System.getProperty("java.home"));
        }
    }
}

package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Weft's modules resolve as JPMS modules, the way a module-path user or jlink sees them: every module's
 * built artifact (its jar, or its target/classes folder under {@code mvn test}) goes into a ModuleFinder;
 * the configuration resolves from dev.weft.cli (so every module), with the service bindings, and a layer
 * defined with one class loader (which fails on a package in two modules). Each module's unqualified
 * exports are the public API listed here, nothing more.
 */
class ModuleResolutionTest {
    /** Module -> one class in it (to find its artifact). */
    private static final Map<String, String> MODULES = Map.of(
            "dev.weft.kernels", "dev.weft.kernels.KernelImpl",
            "dev.weft.tensor", "dev.weft.tensor.Tensor",
            "dev.weft.autograd", "dev.weft.autograd.Autograd",
            "dev.weft.nn", "dev.weft.nn.Module",
            "dev.weft.graph", "dev.weft.graph.Graph",
            "dev.weft.cuda", "dev.weft.cuda.CudaBackend",
            "dev.weft.plot", "dev.weft.plot.Charts",
            "dev.weft.bench", "dev.weft.bench.BenchSuite",
            "dev.weft.repro", "dev.weft.repro.Reproduction",
            "dev.weft.cli", "dev.weft.cli.Main");

    private static Path location(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> c = Class.forName(className, false, ModuleResolutionTest.class.getClassLoader());
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Configuration resolve() throws Exception {
        return resolve("dev.weft.cli");
    }

    private static Configuration resolve(String root) throws Exception {
        Path[] paths = new Path[MODULES.size() + 2];
        int i = 0;
        for (String c : MODULES.values()) paths[i++] = location(c);
        paths[i++] = location("org.openjdk.jmh.annotations.Benchmark"); // bench's libraries: jmh.core (an automatic module)
        paths[i] = location("picocli.CommandLine");                     // and info.picocli (the command line)
        ModuleFinder weft = ModuleFinder.of(paths);
        return ModuleLayer.boot().configuration().resolveAndBind(weft, ModuleFinder.ofSystem(), Set.of(root));
    }

    @Test
    void everyModuleResolvesAndDefinesOneLayer() throws Exception {
        Configuration cf = resolve();
        Set<String> names = cf.modules().stream().map(ResolvedModule::name).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.containsAll(MODULES.keySet()), "resolved: " + names);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        // the kernels module reads the Vector API through its own requires
        Module kernels = layer.findModule("dev.weft.kernels").orElseThrow();
        assertTrue(kernels.canRead(ModuleLayer.boot().findModule("jdk.incubator.vector").orElseThrow()), "kernels reads jdk.incubator.vector");
        // services: from tensor alone, binding brings autograd (its Recorder) and the CUDA backend (a BackendProvider)
        Set<String> fromTensor = resolve("dev.weft.tensor").modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertTrue(fromTensor.containsAll(Set.of("dev.weft.kernels", "dev.weft.autograd", "dev.weft.cuda")), "bound from tensor: " + fromTensor);
        Class<?> tensor = layer.findLoader("dev.weft.tensor").loadClass("dev.weft.tensor.Tensor");
        assertEquals("dev.weft.tensor", tensor.getModule().getName());
    }

    @Test
    void unqualifiedExportsAreThePublicApi() throws Exception {
        Configuration cf = resolve();
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "dev.weft.kernels", Set.of("dev.weft.kernels"),
                "dev.weft.tensor", Set.of("dev.weft.tensor", "dev.weft.tensor.core"),
                "dev.weft.autograd", Set.of("dev.weft.autograd"),
                "dev.weft.cuda", Set.of("dev.weft.cuda", "dev.weft.cuda.memory"),
                "dev.weft.plot", Set.of("dev.weft.plot"),
                "dev.weft.cli", Set.of()));
        Map<String, Set<String>> internal = Map.of(
                "dev.weft.nn", Set.of("dev.weft.nn.optim.kernel"),
                "dev.weft.graph", Set.of("dev.weft.graph.data.pickle"));
        Map<String, Set<String>> actual = new TreeMap<>();
        for (String m : MODULES.keySet()) {
            ModuleDescriptor d = cf.findModule(m).orElseThrow().reference().descriptor();
            actual.put(m, d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new)));
            for (String p : internal.getOrDefault(m, Set.of())) {
                assertTrue(d.packages().contains(p), m + " has " + p);
                assertTrue(!actual.get(m).contains(p), m + " must not export " + p + " to everyone");
            }
        }
        for (var e : expected.entrySet()) assertEquals(new TreeSet<>(e.getValue()), actual.get(e.getKey()), e.getKey() + " exports");
        // nn and graph export everything but their internal package
        for (String m : List.of("dev.weft.nn", "dev.weft.graph")) {
            Set<String> all = new TreeSet<>(cf.findModule(m).orElseThrow().reference().descriptor().packages());
            all.removeAll(internal.get(m));
            assertEquals(all, actual.get(m), m + " exports");
        }
    }
}

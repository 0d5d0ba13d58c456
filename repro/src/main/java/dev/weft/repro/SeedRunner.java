package dev.weft.repro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Where a reproduction's seeds run: {@link #LOCAL} runs them one after another in this JVM (what
 * {@code weft repro NAME} always did); a {@link Provider} found through ServiceLoader runs them elsewhere,
 * e.g. the spark module's provider runs each seed as a Spark task for {@code weft repro NAME --spark MASTER}.
 * The spark module is not a dependency of repro or cli: the launcher puts it (and Spark's jars) on the class
 * path only when {@code --spark} is given, and {@link #forMaster} finds it there. Either way the
 * {@link Harness} gathers the same table (mean ± std per metric) from the returned runs.
 */
public interface SeedRunner extends AutoCloseable {
    /**
     * One seed's result.
     *
     * @param seed the seed
     * @param outcome what the reproduction returned
     * @param seconds its wall time where it ran
     */
    record SeedRun(long seed, Outcome outcome, double seconds) {}

    /**
     * Runs {@code r} once for each seed with {@code base}'s data, quick flag, log, out folder and settings (its
     * seed is replaced by each seed), and returns the runs in the order of {@code seeds}.
     *
     * @param r the reproduction
     * @param base the context every seed starts from
     * @param seeds the seeds, at least one
     * @return one run per seed, in order
     * @throws Exception what a run threw
     */
    List<SeedRun> run(Reproduction r, RunContext base, List<Long> seeds) throws Exception;

    /**
     * Runs every seed at every grid point: {@link #run} once per point with {@code base}'s settings replaced by the
     * point's, in order. A cluster runner overrides it to run all points x seeds as tasks of one job.
     *
     * @param r the reproduction
     * @param base the context every run starts from
     * @param points the grid points, at least one
     * @param seeds the seeds, at least one
     * @return per point (in order) one run per seed (in order)
     * @throws Exception what a run threw
     */
    default List<List<SeedRun>> runGrid(Reproduction r, RunContext base, List<Settings> points, List<Long> seeds) throws Exception {
        List<List<SeedRun>> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Settings p = points.get(i);
            if (points.size() > 1) base.log().printf(Locale.ROOT, "-- grid point %s (%d of %d)%n", p.label(), i + 1, points.size());
            out.add(run(r, base.withSettings(p), seeds));
        }
        return out;
    }

    /** Frees what the runner holds (a cluster connection); the local runner holds nothing. */
    @Override
    default void close() {}

    /** The seeds in order, in this JVM, each seed's progress to the base context's log. */
    SeedRunner LOCAL = (r, base, seeds) -> {
        List<SeedRun> runs = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            if (seeds.size() > 1) base.log().printf(Locale.ROOT, "-- seed %d (%d of %d)%n", seed, i + 1, seeds.size());
            long t0 = System.nanoTime();
            Outcome o = r.run(base.withSeed(seed));
            runs.add(new SeedRun(seed, o, (System.nanoTime() - t0) / 1e9));
        }
        return runs;
    };

    /** Makes runners for one kind of cluster; registered as a ServiceLoader service. */
    interface Provider {
        /** {@return the kind of cluster, e.g. "spark"} */
        String kind();

        /**
         * {@return a runner connected to {@code master}}
         *
         * @param master the cluster's address, e.g. {@code local[2]} or {@code spark://host:7077}
         */
        SeedRunner open(String master);
    }

    /**
     * {@return a runner of the given kind for {@code master}, from the providers on the class or module path}
     *
     * @param kind e.g. "spark"
     * @param master the cluster's address
     * @throws IllegalStateException when no provider of that kind is present
     */
    static SeedRunner forMaster(String kind, String master) {
        for (Provider p : ServiceLoader.load(Provider.class)) if (p.kind().equals(kind)) return p.open(master);
        throw new IllegalStateException("no " + kind + " runner on the class path: the weft-" + kind + " module and its "
                + "libraries are missing (./weft puts spark/target and spark/target/spark-lib there for --spark; run ./weft build)");
    }
}

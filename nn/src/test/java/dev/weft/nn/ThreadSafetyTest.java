package dev.weft.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.attention.TransformerEncoderLayer;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.BatchNorm2d;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.MaxPool2d;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.nn.loss.MSELoss;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.rnn.LSTM;
import dev.weft.nn.sparse.SparseLinear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The thread-safety contract of {@link Module} (see its class comment), checked bitwise: one shared module in
 * eval mode under no-grad answers many threads exactly as it answers one; four models (MLP, two CNNs, LSTM)
 * trained at once on four threads end exactly where each ends when trained alone; grad mode and the tape are
 * per thread. No timing asserts.
 */
class ThreadSafetyTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 30;
    private static final int DISTINCT_INPUTS = 12;

    /** A barrier's patience: a thread whose check failed never arrives, and the others must not wait forever. */
    private static final long WAIT_S = 30;

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** A module under test: how to build it (seeded), how to run it, and one input of the i-th kind. */
    record InferenceCase(String name, Supplier<Module> build, Function<Module, Function<Tensor, Tensor>> runner,
                         Function<Generator, Tensor> input) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> inferenceCases() {
        return Stream.of(
                new InferenceCase("mlp", () -> new Sequential(new Linear(32, 96), new ReLU(), new Linear(96, 96),
                        new Tanh(), new Linear(96, 10)), m -> m::forward, g -> Tensor.randn(g, 32, 32)),
                new InferenceCase("cnn", ThreadSafetyTest::cnnWithRunningStats, m -> m::forward,
                        g -> Tensor.randn(g, 4, 3, 12, 12)),
                new InferenceCase("lstm", () -> new LSTM(LSTM.options(8, 24).numLayers(2)),
                        m -> x -> ((LSTM) m).forward(x, null, null).output(), g -> Tensor.randn(g, 7, 3, 8)),
                new InferenceCase("transformer", () -> new TransformerEncoderLayer(16, 4),
                        m -> m::forward, g -> Tensor.randn(g, 6, 3, 16)),
                new InferenceCase("sparseLinear", () -> new Sequential(SparseLinear.fromDense(new Linear(40, 24)),
                        new ReLU(), new Linear(24, 6)), m -> m::forward, g -> Tensor.randn(g, 20, 40)))
                .map(Arguments::of);
    }

    /** conv + batchnorm + pool; one training-mode pass first so the running statistics are not the defaults. */
    private static Module cnnWithRunningStats() {
        Module m = new Sequential(new Conv2d(3, 8, 3, 1, 1), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(8 * 6 * 6, 5));
        m.train();
        try (var s = GradMode.noGrad()) {
            m.forward(Tensor.randn(new Generator(99), 6, 3, 12, 12));
        }
        return m;
    }

    @ParameterizedTest(name = "sharedInference[{0}]")
    @MethodSource("inferenceCases")
    void sharedModuleInEvalUnderNoGradAnswersEveryThreadAsItAnswersOne(InferenceCase c) throws Exception {
        Init.manualSeed(7);
        Function<Tensor, Tensor> alone = c.runner().apply(c.build().get().eval());
        Generator g = new Generator(11);
        Tensor[] inputs = new Tensor[DISTINCT_INPUTS];
        int[][] expected = new int[DISTINCT_INPUTS][];
        try (var s = GradMode.noGrad()) {
            for (int i = 0; i < DISTINCT_INPUTS; i++) {
                inputs[i] = c.input().apply(g);
                expected[i] = bits(alone.apply(inputs[i]));
            }
        }
        // A second copy, never run before: its first calls (and any cache a layer builds lazily) are concurrent.
        Init.manualSeed(7);
        Function<Tensor, Tensor> run = c.runner().apply(c.build().get().eval());
        List<Callable<Integer>> jobs = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            jobs.add(() -> {
                start.await(WAIT_S, TimeUnit.SECONDS);
                int checked = 0;
                try (var s = GradMode.noGrad()) {
                    for (int k = 0; k < CALLS_PER_THREAD; k++) {
                        int i = (thread * 5 + k) % DISTINCT_INPUTS;
                        assertArrayEquals(expected[i], bits(run.apply(inputs[i])),
                                c.name() + ": thread " + thread + ", call " + k + ", input " + i + " differs from single-threaded");
                        checked++;
                    }
                }
                return checked;
            });
        }
        int total = 0;
        for (int n : results(pool.invokeAll(jobs))) total += n;
        assertEquals(THREADS * CALLS_PER_THREAD, total);
    }

    // ---------------------------------------------------------------- training on two threads

    /** What one seeded training run leaves: every step's loss and the final state dict, as bits. */
    record TrainResult(int[] losses, Map<String, int[]> state) {}

    private static final int STEPS = 25;

    private static Module mlpModel() {
        return new Sequential(new Linear(6, 32), new Tanh(), new Linear(32, 3));
    }

    private static Module cnnModel() {
        return new Sequential(new Conv2d(2, 4, 3, 1, 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(4 * 4 * 4, 3));
    }

    /** LSTM over (T, B, 4) -> its last step's hidden state -> Linear to 3 (trains the fused LSTM kernel's backward). */
    static final class LstmRegressor extends Module {
        private final LSTM lstm;
        private final Linear head;

        LstmRegressor() {
            lstm = registerModule("lstm", new LSTM(4, 12));
            head = registerModule("head", new Linear(12, 3));
        }

        // x: (T, B, 4) -> (B, 3)
        @Override
        public Tensor forward(Tensor x) {
            Tensor h = lstm.forward(x, null, null).output();
            return head.forward(h.select(0, h.size(0) - 1));
        }
    }

    /** Built on the calling thread (Init's default generator is process-wide), trained wherever train runs. */
    private static Module build(long seed, Supplier<Module> arch) {
        Init.manualSeed(seed);
        return arch.get();
    }

    private static TrainResult train(Module model, long dataSeed, int[] inputShape) {
        model.train();
        Optimizer opt = new Adam(model.parameters(), 1e-2);
        MSELoss loss = new MSELoss();
        Generator g = new Generator(dataSeed);
        int[] losses = new int[STEPS];
        for (int step = 0; step < STEPS; step++) {
            Tensor x = Tensor.randn(g, inputShape);
            opt.zeroGrad();
            Tensor out = model.forward(x);
            Tensor y = Tensor.randn(g, out.shape());
            Tensor l = loss.forward(out, y);
            Autograd.backward(l);
            opt.step();
            losses[step] = Float.floatToRawIntBits((float) l.item());
        }
        Map<String, int[]> state = new java.util.TreeMap<>();
        model.stateDict().forEach((k, v) -> state.put(k, bits(v)));
        return new TrainResult(losses, state);
    }

    /** One seeded training job: architecture, init seed, data seed, the input batch's shape. */
    record Job(String name, Supplier<Module> arch, long initSeed, long dataSeed, int[] inputShape) {}

    @Test
    void modelsTrainedOnSeparateThreadsMatchEachTrainedAlone() throws Exception {
        List<Job> jobs = List.of(
                new Job("mlp", ThreadSafetyTest::mlpModel, 1, 101, new int[] {16, 6}),
                new Job("cnn", ThreadSafetyTest::cnnModel, 2, 202, new int[] {8, 2, 8, 8}),
                new Job("cnn2", ThreadSafetyTest::cnnModel, 3, 303, new int[] {8, 2, 8, 8}),
                new Job("lstm", LstmRegressor::new, 4, 404, new int[] {5, 8, 4}));
        List<TrainResult> alone = new ArrayList<>();
        for (Job j : jobs) alone.add(train(build(j.initSeed(), j.arch()), j.dataSeed(), j.inputShape()));
        for (int round = 0; round < 2; round++) {
            List<Module> models = new ArrayList<>();
            for (Job j : jobs) models.add(build(j.initSeed(), j.arch()));
            CyclicBarrier start = new CyclicBarrier(jobs.size());
            List<Future<TrainResult>> together = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                Job j = jobs.get(k);
                Module m = models.get(k);
                together.add(pool.submit(() -> {
                    start.await(WAIT_S, TimeUnit.SECONDS);
                    return train(m, j.dataSeed(), j.inputShape());
                }));
            }
            for (int k = 0; k < jobs.size(); k++) {
                assertSame(alone.get(k), together.get(k).get(), jobs.get(k).name() + ", round " + round);
            }
        }
    }

    private static void assertSame(TrainResult alone, TrainResult together, String what) {
        assertArrayEquals(alone.losses(), together.losses(), what + ": losses differ from the run alone");
        assertEquals(alone.state().keySet(), together.state().keySet(), what + ": state dict keys");
        alone.state().forEach((k, v) ->
                assertArrayEquals(v, together.state().get(k), what + ": final '" + k + "' differs from the run alone"));
    }

    // ---------------------------------------------------------------- grad mode and tape per thread

    @Test
    void noGradOnOneThreadDoesNotStopAnotherThreadsTape() throws Exception {
        int rounds = 200;
        CyclicBarrier inside = new CyclicBarrier(2), done = new CyclicBarrier(2);
        Future<Integer> quiet = pool.submit(() -> {
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                Tensor w = Tensor.of(1f, 2f, 3f).requiresGrad(true);
                try (var s = GradMode.noGrad()) {
                    inside.await(WAIT_S, TimeUnit.SECONDS);   // the other thread records while this one is in no-grad
                    Tensor y = w.mul(w).sum();
                    assertFalse(GradMode.isEnabled(), "no-grad thread: grad mode on");
                    assertFalse(y.requiresGrad(), "no-grad thread: an op was recorded");
                    done.await(WAIT_S, TimeUnit.SECONDS);
                }
                assertTrue(GradMode.isEnabled(), "no-grad thread: grad mode not restored");
                n++;
            }
            return n;
        });
        Future<Integer> recording = pool.submit(() -> {
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                Tensor x = Tensor.of(1f, 2f, 3f).requiresGrad(true);
                inside.await(WAIT_S, TimeUnit.SECONDS);
                assertTrue(GradMode.isEnabled(), "recording thread: grad mode turned off by the other thread");
                Tensor y = x.mul(x).sum();                      // d/dx sum(x^2) = 2x
                assertTrue(y.requiresGrad(), "recording thread: op not recorded");
                Autograd.backward(y);
                assertNotNull(x.grad(), "recording thread: no gradient");
                assertArrayEquals(new float[] {2f, 4f, 6f}, x.grad().toFloatArray(), "recording thread: gradient");
                done.await(WAIT_S, TimeUnit.SECONDS);
                n++;
            }
            return n;
        });
        assertEquals(List.of(rounds, rounds), results(List.of(quiet, recording)));
    }

    @Test
    void aNewThreadStartsWithGradModeOnAndNoGradient() throws Exception {
        try (var s = GradMode.noGrad()) {
            Future<Boolean> other = pool.submit(GradMode::isEnabled);
            assertTrue(other.get(), "a pool thread saw the submitting thread's no-grad");
            Tensor w = Tensor.of(1f).requiresGrad(true);
            assertFalse(w.mul(w).requiresGrad(), "the submitting thread recorded inside no-grad");
        }
    }

    /**
     * Every future's result; if any failed, the first AssertionError among them is rethrown (a thread whose check
     * failed leaves its partner timing out at a barrier: the check, not the timeout, is the news).
     */
    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> out = new ArrayList<>();
        Exception first = null;
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof AssertionError a) throw a;
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return out;
    }

    private static int[] bits(Tensor t) {
        float[] a = t.toFloatArray();
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }
}

package dev.weft.examples.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.serve.Json.JsonNumber;
import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.nn.io.ModuleIO;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server end to end on 127.0.0.1, an ephemeral port: a seeded MLP saved to safetensors and loaded back
 * through {@link ModelLoader}, a burst of concurrent requests each checked bitwise against single-threaded
 * inference of the same inputs, every 4xx case, and used heap after GC before vs after the burst. Prints the
 * figures (requests, threads, latency percentiles, heap); asserts no timing.
 */
class ServeServerTest {
    private static final int[] SIZES = {4, 64, 3};
    private static final int SERVER_THREADS = 8, CLIENT_THREADS = 16, REQUESTS = 2000, WARMUP = 300;
    private static final long MAX_BODY = 16 * 1024;
    /** Used heap may grow this much over the burst (allocation noise, class metadata on the heap, JIT). */
    private static final long HEAP_TOLERANCE = 8L << 20;

    @TempDir
    static Path dir;

    private static ServedModel reference;
    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Init.manualSeed(2024);
        Module trained = ModelLoader.mlpModule(SIZES, "relu");
        Path weights = dir.resolve("mlp.safetensors");
        ModuleIO.save(trained, weights);
        reference = ModelLoader.mlp(SIZES, "relu", weights);             // single-threaded reference, its own copy
        ServedModel served = ModelLoader.mlp(SIZES, "relu", weights);
        server = InferenceServer.start(served, ServeOptions.parse("--mlp", "4,64,3", "--weights", weights.toString(),
                "--port", "0", "--threads", Integer.toString(SERVER_THREADS), "--max-body", Long.toString(MAX_BODY)));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (client != null) client.close();
    }

    /** Request i: batch 1 + i % 8 of seeded N(0, 1) examples; its body and the reference answer's bits. */
    private record Case(String body, int[] expectedBits, int[] expectedShape) {}

    private static Case makeCase(int i) {
        int batch = 1 + i % 8;
        float[] x = Tensor.randn(new Generator(1000 + i), batch, SIZES[0]).toFloatArray();
        StringBuilder sb = new StringBuilder("{\"inputs\":[");
        for (int b = 0; b < batch; b++) {
            sb.append(b > 0 ? ",[" : "[");
            for (int c = 0; c < SIZES[0]; c++) sb.append(c > 0 ? "," : "").append(Float.toString(x[b * SIZES[0] + c]));
            sb.append(']');
        }
        sb.append("]}");
        ServedModel.Prediction p = reference.predict(x, batch);
        return new Case(sb.toString(), bits(p.values()), p.shape());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends cases[from..to) from clientThreads threads; checks every answer; returns each request's latency (ns). */
    private static long[] burst(Case[] cases, int clientThreads) throws Exception {
        long[] latency = new long[cases.length];
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < clientThreads; t++) {
                int first = t;
                done.add(clients.submit(() -> {
                    int checked = 0;
                    for (int i = first; i < cases.length; i += clientThreads) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post(InferenceServer.PREDICT, cases[i].body());
                        latency[i] = System.nanoTime() - t0;
                        assertEquals(200, r.statusCode(), "request " + i + ": " + r.body());
                        checkAnswer(i, cases[i], r.body());
                        checked++;
                    }
                    return checked;
                }));
            }
            int checked = 0;
            for (Future<Integer> f : done) checked += f.get();
            assertEquals(cases.length, checked, "answers checked");
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        }
        return latency;
    }

    private static void checkAnswer(int i, Case c, String body) {
        Map<?, ?> m = assertInstanceOf(Map.class, Json.parse(body), "request " + i);
        List<?> shape = assertInstanceOf(List.class, m.get("shape"));
        int[] s = shape.stream().mapToInt(v -> Integer.parseInt(((JsonNumber) v).text())).toArray();
        assertArrayEquals(c.expectedShape(), s, "request " + i + ": shape");
        List<Float> flat = new ArrayList<>();
        flatten(m.get("outputs"), flat);
        int[] got = new int[flat.size()];
        for (int k = 0; k < got.length; k++) got[k] = Float.floatToRawIntBits(flat.get(k));
        assertArrayEquals(c.expectedBits(), got, "request " + i + ": outputs differ from single-threaded inference");
    }

    private static void flatten(Object v, List<Float> out) {
        if (v instanceof JsonNumber n) out.add(n.toFloat());
        else for (Object e : assertInstanceOf(List.class, v)) flatten(e, out);
    }

    @Test
    void concurrentBurstAnswersEveryRequestBitwiseAndKeepsTheHeapFlat() throws Exception {
        Case[] warm = new Case[WARMUP], cases = new Case[REQUESTS];
        for (int i = 0; i < WARMUP; i++) warm[i] = makeCase(REQUESTS + i);
        for (int i = 0; i < REQUESTS; i++) cases[i] = makeCase(i);
        burst(warm, CLIENT_THREADS);                  // starts the server's threads, the client's connections, the JIT
        long before = usedHeapAfterGc();
        long[] latency = burst(cases, CLIENT_THREADS);
        long after = usedHeapAfterGc();
        Arrays.sort(latency);
        System.out.printf(Locale.ROOT, "serve burst: %d requests from %d client threads to %d server threads, %d answers "
                        + "checked bitwise; latency p50 %.2f ms, p99 %.2f ms; used heap after GC %.1f MiB before, %.1f MiB after "
                        + "(%+.1f MiB)%n", REQUESTS, CLIENT_THREADS, SERVER_THREADS, REQUESTS,
                latency[REQUESTS / 2] / 1e6, latency[(int) (REQUESTS * 0.99)] / 1e6, before / 1048576.0, after / 1048576.0,
                (after - before) / 1048576.0);
        assertTrue(after - before < HEAP_TOLERANCE, "used heap grew by " + (after - before) + " bytes over the burst ("
                + before + " -> " + after + "), tolerance " + HEAP_TOLERANCE);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var mem = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);                         // lets a concurrent collector finish its cycle; not a timing check
            least = Math.min(least, mem.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    @Test
    void healthReportsTheModel() throws Exception {
        HttpResponse<String> r = send("GET", InferenceServer.HEALTH);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        Map<?, ?> m = assertInstanceOf(Map.class, Json.parse(r.body()));
        assertEquals("ok", m.get("status"));
        Map<?, ?> model = assertInstanceOf(Map.class, m.get("model"));
        assertEquals("mlp", model.get("kind"));
        assertEquals(new JsonNumber(Long.toString(4 * 64 + 64 + 64 * 3 + 3)), model.get("parameters"));
        assertEquals(List.of(new JsonNumber("4")), model.get("example_shape"));
    }

    /** Each malformed request: its status and a word its error message must contain. */
    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformedJson", "{\"inputs\": [[1, 2, 3, 4]", "expected"),
                Arguments.of("trailingComma", "{\"inputs\": [[1, 2, 3, 4],]}", "expected"),
                Arguments.of("leadingZero", "{\"inputs\": [[01, 2, 3, 4]]}", "expected"),
                Arguments.of("bareNaN", "{\"inputs\": [[NaN, 2, 3, 4]]}", "expected a value"),
                Arguments.of("wrongInnerDim", "{\"inputs\": [[1, 2, 3, 4], [1, 2, 3]]}", "inputs[1] has length 3, expected 4"),
                Arguments.of("notFiniteF32", "{\"inputs\": [[1e39, 2, 3, 4]]}", "not a finite F32"),
                Arguments.of("overflowDouble", "{\"inputs\": [[1, 2, 3, -1e999]]}", "not a finite F32"),
                Arguments.of("emptyBatch", "{\"inputs\": []}", "empty batch"),
                Arguments.of("missingInputs", "{}", "\\\"inputs\\\" must be an array"),
                Arguments.of("unknownKey", "{\"inputs\": [[1, 2, 3, 4]], \"extra\": 1}", "unknown key"),
                Arguments.of("stringNumber", "{\"inputs\": [[\"1\", 2, 3, 4]]}", "must be a number"),
                Arguments.of("flatInputs", "{\"inputs\": [1, 2, 3, 4]}", "must be an array of 4"),
                Arguments.of("notAnObject", "[[1, 2, 3, 4]]", "must be a JSON object"),
                Arguments.of("duplicateKey", "{\"inputs\": [[1, 2, 3, 4]], \"inputs\": [[1, 2, 3, 4]]}", "duplicate key"),
                Arguments.of("emptyBody", "", "expected a value"));
    }

    @ParameterizedTest(name = "badRequest[{0}]")
    @MethodSource("badRequests")
    void malformedBodiesAre400WithAClearJsonError(String name, String body, String mustContain) throws Exception {
        HttpResponse<String> r = post(InferenceServer.PREDICT, body);
        assertEquals(400, r.statusCode(), name + ": " + r.body());
        assertError(r, 400, mustContain);
    }

    private static void assertError(HttpResponse<String> r, int status, String mustContain) {
        Map<?, ?> m = assertInstanceOf(Map.class, Json.parse(r.body()), r.body());
        Map<?, ?> e = assertInstanceOf(Map.class, m.get("error"), r.body());
        assertEquals(new JsonNumber(Integer.toString(status)), e.get("status"), r.body());
        assertTrue(r.body().contains(mustContain), "error '" + r.body() + "' does not mention '" + mustContain + "'");
    }

    @Test
    void bodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        String big = "{\"inputs\": [[" + "1,".repeat((int) MAX_BODY) + "1]]}";
        HttpResponse<String> declared = post(InferenceServer.PREDICT, big);
        assertEquals(413, declared.statusCode(), declared.body());
        assertError(declared, 413, "exceeds the limit");
        // no Content-Length: the server reads at most the limit + 1 bytes, then refuses
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(InferenceServer.PREDICT))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertError(chunked, 413, "exceeds the limit");
        // the server still answers afterwards
        assertEquals(200, post(InferenceServer.PREDICT, "{\"inputs\": [[1, 2, 3, 4]]}").statusCode());
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> getPredict = send("GET", InferenceServer.PREDICT);
        assertEquals(405, getPredict.statusCode());
        assertEquals("POST", getPredict.headers().firstValue("Allow").orElse(""));
        assertError(getPredict, 405, "use POST");
        HttpResponse<String> postHealth = post(InferenceServer.HEALTH, "{}");
        assertEquals(405, postHealth.statusCode());
        assertError(postHealth, 405, "use GET");
        HttpResponse<String> unknown = send("GET", "/v1/nothing");
        assertEquals(404, unknown.statusCode());
        assertError(unknown, 404, "no such path");
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }
}

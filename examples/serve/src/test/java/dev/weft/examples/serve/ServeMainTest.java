package dev.weft.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.init.Init;
import dev.weft.nn.io.ModuleIO;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} as a user runs it: a separate JVM that prints its URL, answers, and exits on SIGTERM. */
class ServeMainTest {
    @TempDir
    Path dir;

    @Test
    void mainPrintsItsUrlServesAndStopsOnSigterm() throws Exception {
        Init.manualSeed(5);
        Path weights = dir.resolve("m.safetensors");
        ModuleIO.save(ModelLoader.mlpModule(new int[] {3, 4, 2}, "tanh"), weights);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--mlp", "3,4,2", "--activation", "tanh", "--weights", weights.toString(), "--port", "0", "--threads", "2"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            StringBuilder seen = new StringBuilder();
            for (String line; url == null && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                int at = line.indexOf("listening on ");
                if (at >= 0) url = line.substring(at + "listening on ".length()).split(" ")[0];
            }
            assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "no URL printed:\n" + seen);
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url).resolve("/v1/predict"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[0.5, -1, 2]]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().endsWith("\"shape\":[1,2]}"), r.body());
            }
            p.destroy();                                  // SIGTERM on POSIX: the shutdown hook stops the server
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running 20 s after SIGTERM");
            assertEquals(143, p.exitValue(), "exit status after SIGTERM (128 + 15)");
        } finally {
            p.destroyForcibly();
        }
    }
}

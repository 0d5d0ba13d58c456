package dev.weft.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP for one {@link ServedModel}, on the JDK's com.sun.net.httpserver with a fixed pool of
 * request threads that all share the model (inference under no-grad; see Module's thread-safety contract).
 * POST /v1/predict {@code {"inputs": [...]}} -> {@code {"outputs": [...], "shape": [...]}}; GET /health ->
 * {@code {"status": "ok", "model": {...}}}. Errors are JSON {@code {"error": {"status", "message"}}}: 400 bad
 * body, 404 unknown path, 405 wrong method, 413 body over the limit (never read past limit + 1 bytes).
 */
final class InferenceServer implements AutoCloseable {
    static final String PREDICT = "/v1/predict", HEALTH = "/health";

    private final ServedModel model;
    private final ServeOptions options;
    private final HttpServer server;
    private final ExecutorService pool;

    private InferenceServer(ServedModel model, ServeOptions options) throws IOException {
        this.model = model;
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
        this.pool = Executors.newFixedThreadPool(options.threads(), threadFactory());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /** Binds and starts serving; {@link #close} stops. */
    static InferenceServer start(ServedModel model, ServeOptions options) throws IOException {
        InferenceServer s = new InferenceServer(model, options);
        s.server.start();
        return s;
    }

    /** The bound port (the chosen one when started with port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** http://host:port/ */
    String url() {
        return "http://" + options.host() + ":" + port() + "/";
    }

    /** Stops accepting, lets exchanges in progress finish for up to a second, then stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case PREDICT -> {
                    if (!method.equals("POST")) methodNotAllowed(ex, "POST");
                    else predict(ex);
                }
                case HEALTH -> {
                    if (!method.equals("GET") && !method.equals("HEAD")) methodNotAllowed(ex, "GET, HEAD");
                    else send(ex, 200, Responses.health(model, options.threads(), options.maxBody()));
                }
                default -> send(ex, 404, Responses.error(404, "no such path '" + path + "'; try POST " + PREDICT + " or GET " + HEALTH));
            }
        } catch (RuntimeException e) {
            // a bug, not the client's fault: answer 500 if nothing was sent yet (the exchange is closed either way)
            if (ex.getResponseCode() == -1) send(ex, 500, Responses.error(500, "internal error: " + e));
        }
    }

    private void predict(HttpExchange ex) throws IOException {
        byte[] body = readBounded(ex);
        if (body == null) return;
        PredictRequest req;
        try {
            req = PredictRequest.parse(body, model.exampleShape(), options.maxBatch());
        } catch (PredictRequest.BadRequest e) {
            send(ex, 400, Responses.error(400, e.getMessage()));
            return;
        }
        String out = Responses.prediction(model.predict(req.values(), req.batch()));
        if (out == null) send(ex, 500, Responses.error(500, "predict: the model's output is not finite (NaN or infinity)"));
        else send(ex, 200, out);
    }

    /** The body, or null after answering 413 (declared or actual length over the limit) or 400 (bad length). */
    private byte[] readBounded(HttpExchange ex) throws IOException {
        long max = options.maxBody();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                send(ex, 400, Responses.error(400, "Content-Length '" + declared + "' is not a number"));
                return null;
            }
            if (n > max) {
                send(ex, 413, Responses.error(413, "body of " + n + " bytes exceeds the limit of " + max + " bytes"));
                return null;
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes((int) max + 1);      // chunked bodies declare no length: read one byte past the limit
        }
        if (body.length > max) {
            send(ex, 413, Responses.error(413, "body exceeds the limit of " + max + " bytes"));
            return null;
        }
        return body;
    }

    private static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        send(ex, 405, Responses.error(405, ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ": use " + allow));
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : b.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "weft-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

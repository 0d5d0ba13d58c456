package dev.weft.examples.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the inference server: loads the model once, prints the URL, serves until SIGTERM / Ctrl-C (a
 * shutdown hook stops it). {@code java -cp ... dev.weft.examples.serve.Main --mlp 4,64,3 --weights m.safetensors}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        ServeOptions options;
        try {
            options = ServeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ServedModel model = load(options);
        InferenceServer server = InferenceServer.start(model, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("weft serve: stopped");
            stopped.countDown();
        }, "weft-serve-shutdown"));
        System.out.println("weft serve: " + model + "; " + options.threads() + " threads, max body " + options.maxBody() + " bytes");
        System.out.println("weft serve: listening on " + server.url() + " (POST " + InferenceServer.PREDICT + ", GET "
                + InferenceServer.HEALTH + ")");
        stopped.await();                              // the request threads are daemons: this keeps the JVM up
    }

    static ServedModel load(ServeOptions o) throws IOException {
        if (o.onnx() != null) return ModelLoader.onnx(o.onnx());
        Path w = o.weights();
        return ModelLoader.mlp(o.mlpSizes(), o.activation(), w);
    }
}

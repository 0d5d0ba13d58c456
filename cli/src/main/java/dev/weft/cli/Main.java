package dev.weft.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the {@code weft} command: info, demo, bench SUITE, repro [NAME], kan plot MODEL.
 * ({@code weft test} is handled by the launcher script, which runs Maven.)
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String cmd = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            return switch (cmd) {
                case "info" -> InfoCommand.run(out);
                case "demo" -> DemoCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "repro" -> ReproCommand.run(rest, out, err);
                case "kan" -> KanCommand.run(rest, out, err);
                case "help", "-h", "--help" -> {
                    usage(out);
                    yield 0;
                }
                default -> {
                    err.println("weft: unknown command '" + cmd + "'");
                    usage(err);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("weft " + cmd + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("weft " + cmd + ": failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: ./weft COMMAND [ARGS]
                  info              JDK, Vector API species, cores, backends present
                  demo [--out DIR]  a short tour of the engine on generated data, then the quick reproductions
                                    that need no downloaded data (charts and result files in DIR, ./repro-results)
                  test              run the whole test suite (Maven)
                  bench SUITE ...   benchmarks; './weft bench' lists the suites; 'bench report' builds an HTML page
                  repro [NAME]      paper reproductions; without NAME lists them; 'repro report' builds an HTML page
                  kan plot MODEL    draws a saved KAN (MODEL.safetensors) as PNG and SVG, pykan's plot()""");
    }
}

package dev.weft.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code weft demo}: a short tour of the engine on built-in data. */
final class DemoCommand {
    private DemoCommand() {}

    static int run(List<String> args, PrintStream out) {
        out.println("demo: coming with the tensor module");
        return 0;
    }
}

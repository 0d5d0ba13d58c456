package dev.weft.bench.report;

import dev.weft.bench.FlatJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code --json} result lines (one flat JSON object a line, blank lines skipped) from a file or from a
 * suite's captured output. A line that is not such an object, or lacks suite/case/impl/threads/device, is an
 * error naming the source and the line number; nothing is returned half-read.
 */
final class ResultLines {
    private ResultLines() {}

    /** The lines of {@code file}. */
    static List<ResultLine> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("bench report: --from: no file " + file.toAbsolutePath());
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The lines of {@code text}, named {@code source} in errors. */
    static List<ResultLine> parse(String source, List<String> text) {
        List<ResultLine> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i);
            if (s.isBlank()) continue;
            ResultLine line;
            try {
                line = new ResultLine(source, i + 1, s.strip(), FlatJson.parse(s));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bench report: " + source + " line " + (i + 1) + ": not a JSON result line ("
                        + e.getMessage() + ")", e);
            }
            line.suite();
            line.caseName();
            line.impl();
            line.device();
            line.threads();
            out.add(line);
        }
        return out;
    }
}

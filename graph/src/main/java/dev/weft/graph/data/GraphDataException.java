package dev.weft.graph.data;

import java.io.IOException;

/**
 * A graph data set is inconsistent as a whole (counts or shapes that disagree between files or within a
 * decoded pickle), where no single line or byte is at fault. Message: {@code FILE: reason}. Errors at a line
 * or byte are {@link dev.weft.nn.data.DataFileException}s.
 */
public final class GraphDataException extends IOException {
    private final String file;

    public GraphDataException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public String file() {
        return file;
    }
}

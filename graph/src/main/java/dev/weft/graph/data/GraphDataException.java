package dev.weft.graph.data;

import java.io.IOException;

/**
 * A graph data set is inconsistent as a whole (counts or shapes that disagree between files or within a
 * decoded pickle), where no single line or byte is at fault. Message: {@code FILE: reason}. Errors at a line
 * or byte are {@link dev.weft.nn.data.DataFileException}s.
 */
public final class GraphDataException extends IOException {
    /** The file at fault. */
    private final String file;

    /**
     * An error in file, for reason.
     *
     * @param file the file at fault
     * @param reason what is wrong with it
     */
    public GraphDataException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    /** {@return the file at fault} */
    public String file() {
        return file;
    }
}

package dev.weft.repro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set a reproduction reads: a folder under the data directory, the files it must hold (each
 * plain or gzipped) and where to get them. Nothing is ever downloaded: a missing file is a
 * {@link MissingDataException} that names what to fetch and where to put it.
 */
public record DataSet(String folder, List<String> files, String getFrom) {
    public DataSet {
        files = List.copyOf(files);
    }

    /** The files of this set not present in {@code data}/folder (all of them when the folder is absent). */
    public List<String> missing(Path data) {
        Path dir = data.resolve(folder);
        List<String> missing = new ArrayList<>();
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) missing.add(f);
        }
        return missing;
    }

    public boolean present(Path data) {
        return missing(data).isEmpty();
    }

    /**
     * The set's folder under {@code data} when every file is there; else a {@link MissingDataException}
     * naming the reproduction, the folder, the missing files, where to get them and how to point at
     * another data folder.
     */
    public Path require(String repro, Path data) {
        Path dir = data.resolve(folder);
        List<String> missing = missing(data);
        if (!Files.isDirectory(dir) || !missing.isEmpty()) {
            String what = !Files.isDirectory(dir) ? "data folder " + dir.toAbsolutePath() + " not found"
                    : "data folder " + dir.toAbsolutePath() + " lacks " + String.join(", ", missing) + " (plain or .gz)";
            throw new MissingDataException("repro " + repro + ": " + what + "; it needs " + String.join(", ", files)
                    + " (each plain or .gz) in " + folder + "/ under the data folder; pass --data PATH (the folder holding "
                    + folder + "/) or set WEFT_DATA" + (getFrom == null ? "" : "; get them from " + getFrom));
        }
        return dir;
    }
}

package dev.weft.repro;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where reproductions find data: --data PATH, else -Dweft.data, else WEFT_DATA, else ../shared/data. */
public final class ReproArgs {
    private ReproArgs() {}

    /** The data directory chosen as the class comment says (it may not exist). */
    public static Path dataDir(String given) {
        if (given != null) return Path.of(given);
        String p = System.getProperty("weft.data");
        if (p == null) p = System.getenv("WEFT_DATA");
        if (p == null) p = "../shared/data";
        return Path.of(p);
    }

    /**
     * The data set's folder, after checking that it holds every file named (each plain or gzipped);
     * else a {@link MissingDataException} naming the reproduction, the folder, the missing files and how
     * to point at another data folder. Nothing is downloaded.
     */
    public static Path require(String repro, Path data, String folder, String... files) {
        Path dir = data.resolve(folder);
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) missing.add(f);
        }
        if (!Files.isDirectory(dir) || !missing.isEmpty()) {
            String what = !Files.isDirectory(dir) ? "data folder " + dir.toAbsolutePath() + " not found"
                    : "data folder " + dir.toAbsolutePath() + " lacks " + String.join(", ", missing) + " (plain or .gz)";
            throw new MissingDataException("repro " + repro + ": " + what + "; it needs " + String.join(", ", files)
                    + " (each plain or .gz) in " + folder + "/ under the data folder; pass --data PATH (the folder holding "
                    + folder + "/) or set WEFT_DATA");
        }
        return dir;
    }
}

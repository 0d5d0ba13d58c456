package dev.weft.repro;

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
}

package dev.weft.repro;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Weft's version as the build stamped it (Maven resource filtering of version.properties). */
public final class Version {
    private Version() {}

    public static String weft() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}

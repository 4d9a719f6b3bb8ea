package io.tunelab.tracker.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The software a trial ran on.
 *
 * @param java      Java version and vendor, e.g. {@code 17.0.15 (Debian)}
 * @param os        operating system name, version and architecture
 * @param libraries versions of Tunelab and the libraries it stores results with, by name
 */
public record RuntimeInfo(String java, String os, Map<String, String> libraries) {
    /** Name, Maven group, artifact, and a class of the library (for its jar manifest). */
    private static final String[][] LIBRARIES = {
        {"tunelab", "io.tunelab", "tunelab-tracker", "io.tunelab.tracker.TrackerException"},
        {"h2", "com.h2database", "h2", "org.h2.Driver"},
        {"hikaricp", "com.zaxxer", "HikariCP", "com.zaxxer.hikari.HikariDataSource"},
        {"flyway", "org.flywaydb", "flyway-core", "org.flywaydb.core.Flyway"},
        {"jackson", "com.fasterxml.jackson.core", "jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper"},
    };
    private static volatile RuntimeInfo current;
    private static volatile String hostName;

    public RuntimeInfo {
        libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    }

    /** This process's runtime, computed once. */
    public static RuntimeInfo current() {
        RuntimeInfo r = current;
        if (r == null) {
            Map<String, String> libs = new LinkedHashMap<>();
            for (String[] lib : LIBRARIES) {
                libs.put(lib[0], version(lib[1], lib[2], lib[3]));
            }
            r = new RuntimeInfo(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"), libs);
            current = r;
        }
        return r;
    }

    /**
     * A library's version from its jar's Maven metadata, else its manifest, else {@code unknown}
     * (e.g. classes run from a build directory).
     */
    static String version(String group, String artifact, String className) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = RuntimeInfo.class.getResourceAsStream(path)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest.
        }
        try {
            String v = Class.forName(className, false, RuntimeInfo.class.getClassLoader()).getPackage()
                    .getImplementationVersion();
            return v == null ? "unknown" : v;
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }

    /** This machine's host name, or {@code localhost} when it cannot be resolved. Computed once. */
    public static String hostName() {
        String h = hostName;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
            hostName = h;
        }
        return h;
    }

    /** {@code host:pid}, the default worker id. */
    public static String defaultWorkerId() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }
}

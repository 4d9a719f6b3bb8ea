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
    private static final String[][] LIBRARIES = {
        {"tunelab", "io.tunelab", "tunelab-tracker"},
        {"h2", "com.h2database", "h2"},
        {"hikaricp", "com.zaxxer", "HikariCP"},
        {"flyway", "org.flywaydb", "flyway-core"},
        {"jackson", "com.fasterxml.jackson.core", "jackson-databind"},
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
                libs.put(lib[0], mavenVersion(lib[1], lib[2]));
            }
            r = new RuntimeInfo(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"), libs);
            current = r;
        }
        return r;
    }

    /** The version in a jar's Maven metadata, or {@code unknown} (e.g. when running from class directories). */
    static String mavenVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = RuntimeInfo.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
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

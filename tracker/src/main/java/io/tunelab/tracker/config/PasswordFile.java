package io.tunelab.tracker.config;

import io.tunelab.tracker.TrackerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A database password kept in a file readable by its owner only (POSIX {@code rw-------}): the
 * tracker server's credentials, which it generates on first start in its directory.
 * The password is the file's first line, without surrounding white space.
 */
public final class PasswordFile {
    /** The user studies connect to a tracker server as: it may read and write the tables, nothing more. */
    public static final String STUDY_USER = "TUNELAB";
    /** The administrator the server itself opens the database as. */
    public static final String ADMIN_USER = "SA";
    /** The study user's password file in a tracker server's directory. */
    public static final String STUDY_FILE = "tracker.password";
    /** The administrator's password file in a tracker server's directory. */
    public static final String ADMIN_FILE = "admin.password";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 24;

    private PasswordFile() {
    }

    /** The password in {@code file}; INVALID naming the file if it cannot be read or is empty. */
    public static String read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw TrackerException.invalid("cannot read the password file " + file + ": " + e);
        }
        String password = lines.isEmpty() ? "" : lines.get(0).strip();
        if (password.isEmpty()) {
            throw TrackerException.invalid("the password file " + file + " is empty; expected the password on its first line");
        }
        return password;
    }

    /**
     * The password in {@code file}, after writing a new random one there (owner-only from its creation)
     * if the file does not exist yet.
     */
    public static String createIfAbsent(Path file, SecureRandom random) {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                ownerOnly(file.toFile());
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw TrackerException.invalid("cannot write the password file " + file + ": " + e);
        }
        return password;
    }

    private static void ownerOnly(java.io.File f) {
        boolean ok = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!ok) {
            throw TrackerException.invalid("cannot make the password file " + f + " readable by its owner only");
        }
    }
}

package io.tunelab.trainers.tabular;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content hash of a {@link Table} for provenance: {@code sha256:} and the hex digest of a
 * canonical encoding of its column names and kinds, every cell, the target name, classes and
 * targets, row by row in order. The table's name is not hashed, so the same data read from a
 * renamed file has the same fingerprint; a change to any cell, the row order, a column's name or
 * kind changes it. Stateless.
 */
public final class Fingerprint {
    private static final String VERSION = "tunelab-table/1";

    private Fingerprint() {
    }

    public static String of(Table table) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
            string(out, VERSION);
            out.writeInt(table.columnNames().size());
            for (int c = 0; c < table.columnNames().size(); c++) {
                string(out, table.columnNames().get(c));
                string(out, table.kind(c).name());
            }
            string(out, table.targetName());
            out.writeInt(table.classes().size());
            for (String cls : table.classes()) {
                string(out, cls);
            }
            out.writeInt(table.rowCount());
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < table.columnNames().size(); c++) {
                    if (table.kind(c) == ColumnKind.NUMERIC) {
                        out.writeLong(Double.doubleToLongBits(table.number(c, r)));
                    } else {
                        string(out, table.category(c, r));
                    }
                }
                out.writeLong(Double.doubleToLongBits(table.target(r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** Length-prefixed UTF-8, with length -1 for null, so no two sequences of cells encode alike. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}

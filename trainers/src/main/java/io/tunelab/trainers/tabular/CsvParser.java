package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by a delimiter, optionally enclosed in
 * double quotes, a doubled quote inside quotes standing for one quote, quoted fields may span lines,
 * records end at LF or CRLF. Blank lines are skipped. Stateless.
 */
public final class CsvParser {
    private CsvParser() {
    }

    /**
     * All records of {@code in}, adding to {@code startLines} the line (from 1) each record starts on;
     * throws on an unterminated quote, naming the line it started on.
     */
    public static List<String[]> parse(Reader in, char delimiter, List<Integer> startLines) throws IOException {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int quoteLine = 0;
        int recordLine = 1;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (ch == '\n') {
                if (endRecord(records, fields, field, fieldStarted)) {
                    startLines.add(recordLine);
                }
                fieldStarted = false;
                line++;
                recordLine = line;
            } else if (ch != '\r') {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new TrainersException("CSV quote opened on line " + quoteLine + " is never closed");
        }
        if (endRecord(records, fields, field, fieldStarted)) {
            startLines.add(recordLine);
        }
        return records;
    }

    /** Ends the current record; false for a blank line, which makes none. */
    private static boolean endRecord(List<String[]> records, List<String> fields, StringBuilder field, boolean started) {
        if (!started && fields.isEmpty() && field.length() == 0) {
            return false;
        }
        fields.add(field.toString());
        records.add(fields.toArray(String[]::new));
        fields.clear();
        field.setLength(0);
        return true;
    }
}

package io.tunelab.spark;

import java.io.Writer;
import org.slf4j.Logger;

/**
 * A writer whose lines go to a logger at INFO: what a worker prints (progress, "Waiting for ...") lands in
 * the executor's log, where Spark's UI shows it.
 */
public final class LogWriter extends Writer {
    private final Logger logger;
    private final StringBuilder line = new StringBuilder();

    public LogWriter(Logger logger) {
        this.logger = logger;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                flushLine();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void flushLine() {
        if (!line.isEmpty()) {
            logger.info(line.toString());
            line.setLength(0);
        }
    }

    @Override
    public synchronized void flush() {
        // lines are logged as they end; a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        flushLine();
    }
}

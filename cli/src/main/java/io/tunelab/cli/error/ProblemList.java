package io.tunelab.cli.error;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems a series of independent checks finds, so that a command reports all of them at once instead of only
 * the first: a check that fails with a {@link CliException} has its message recorded (every message, for a
 * {@link Found}) and the next check runs; {@link #throwIfAny} then throws them together. A field is reported once: a
 * later problem of a field that already has one ({@code space.filters: ...}) is a consequence of the first and is
 * dropped. Other exceptions are not problems of the input and pass through. Not thread-safe.
 */
public final class ProblemList {
    /** The field a message is about: {@code space.dropout} in {@code space.dropout: what is wrong}. */
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_][\\w{}\\[\\].]*): .*", Pattern.DOTALL);

    private final List<String> messages = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    /** Runs {@code check}, recording its problems. */
    public void check(Runnable check) {
        get(() -> {
            check.run();
            return Boolean.TRUE;
        });
    }

    /** The value of {@code check}, or empty when it found problems (then recorded). */
    public <T> Optional<T> get(Supplier<T> check) {
        try {
            return Optional.ofNullable(check.get());
        } catch (CliException e) {
            messages(e).forEach(this::add);
            return Optional.empty();
        }
    }

    /** Whether no problem has been recorded. */
    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /**
     * Throws the recorded problems, if any.
     *
     * @throws Found with every recorded message
     */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new Found(messages);
        }
    }

    /** The messages of {@code e}: each of a {@link Found}, else its own. */
    public static List<String> messages(CliException e) {
        return e instanceof Found found ? found.messages() : List.of(String.valueOf(e.getMessage()));
    }

    /** Records a problem: {@code field: what is wrong}, or any message. */
    public void add(String message) {
        Matcher m = FIELD.matcher(message);
        if (!m.matches() || fields.add(m.group(1))) {
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
    }

    /** Problems found together; the message has them one per line, in the order found. */
    public static final class Found extends CliException {
        private final List<String> messages;

        Found(List<String> messages) {
            super(String.join(System.lineSeparator(), messages));
            this.messages = List.copyOf(messages);
        }

        /** The problems, in the order found; never empty. */
        public List<String> messages() {
            return messages;
        }
    }
}

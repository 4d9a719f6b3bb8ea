package io.tunelab.cli.output;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A value of a {@code --port} option, the one check of every command that listens ({@code dashboard}, {@code serve},
 * {@code server}, {@code demo}): a whole number from 0 to 65535, where 0 picks a free port.
 */
public final class PortConverter implements ITypeConverter<Integer> {
    static final int MAX = 65_535;

    @Override
    public Integer convert(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= MAX) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below, as a port out of range is
        }
        throw new TypeConversionException("expected a port from 0 to " + MAX + " (0 picks a free port), got '" + value + "'");
    }
}

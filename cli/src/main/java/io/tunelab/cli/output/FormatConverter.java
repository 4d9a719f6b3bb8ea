package io.tunelab.cli.output;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --format} option of the commands that print tables: table, csv or json, in any case. */
public final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
        try {
            return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected table, csv or json, got '" + value + "'");
        }
    }
}

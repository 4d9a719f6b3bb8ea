package io.tunelab.cli.tensorboard;

import io.tunelab.tensorboard.imports.RunValue;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --value} option of {@code import tensorboard}: last or best, in any case. */
final class RunValueConverter implements ITypeConverter<RunValue> {
    @Override
    public RunValue convert(String value) {
        try {
            return RunValue.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected last or best, got '" + value + "'");
        }
    }
}

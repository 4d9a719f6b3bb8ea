package io.tunelab.cli.query;

import io.tunelab.search.trial.TrialState;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A value of the {@code --state} option: a trial state's name in any case ({@code pruned}, {@code PRUNED}). */
public final class TrialStateConverter implements ITypeConverter<TrialState> {
    /** The states, as the option's errors list them. */
    static final String ALLOWED = Arrays.stream(TrialState.values()).map(Enum::name).collect(Collectors.joining(", "));

    @Override
    public TrialState convert(String value) {
        try {
            return TrialState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected one of " + ALLOWED + " (any case), got '" + value + "'");
        }
    }
}

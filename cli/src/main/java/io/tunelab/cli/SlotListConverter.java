package io.tunelab.cli;

import io.tunelab.search.SearchException;
import io.tunelab.search.exec.SlotPool;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A value of the {@code --slots} option: distinct slots separated by commas ({@code cpu:0,cpu:1}, {@code gpu:0/1}). */
final class SlotListConverter implements ITypeConverter<SlotPool> {
    @Override
    public SlotPool convert(String value) {
        try {
            return SlotPool.parse(value);
        } catch (SearchException e) {
            throw new TypeConversionException(e.getMessage() + " in '" + value + "'; expected slots such as cpu:0,cpu:1"
                    + " or gpu:0,gpu:0/1, separated by commas");
        }
    }
}

package io.tunelab.serving;

import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.OutputSchema;
import java.util.Locale;

/**
 * Which windows a series model forecasts from when given rows in its training file's layout ({@link SeriesWindows}):
 * the {@link #LAST} {@code n_steps} rows, as Keras's {@code model.predict(series[-n_steps:])}, or {@link #ALL} windows
 * of {@code n_steps} consecutive rows. Chosen by {@code predict --windows}, by {@code "params": {"windows": ...}} in a
 * JSON body of {@code POST /invocations} (MLflow's inference parameters) or by {@code ?windows=} on a CSV one.
 */
public enum Windows {
    LAST, ALL;

    /** Whether every window is forecast, not only the last. */
    public boolean all() {
        return this == ALL;
    }

    /**
     * The choice named {@code value}.
     *
     * @param field how messages name where the value came from: {@code --windows}, {@code params.windows}
     * @throws BadInputException naming the field, the value and the choices
     */
    public static Windows parse(String field, String value) {
        for (Windows w : values()) {
            if (w.name().toLowerCase(Locale.ROOT).equals(value)) {
                return w;
            }
        }
        throw new BadInputException(field + " must be 'last' or 'all', got '" + value + "'");
    }

    /**
     * Checks that a choice given explicitly in {@code field} means something: that the input is rows in a series
     * model's training file's layout.
     *
     * @param model      how messages name the model: {@code sine v3}
     * @param seriesRows whether the input was read as such rows
     * @throws BadInputException naming the model's kind when it is not a series model, or else saying why the input
     *                           is not in its layout
     */
    public static void checkApplies(String field, String model, InputSchema in, OutputSchema out, boolean seriesRows) {
        if (seriesRows) {
            return;
        }
        String leaveOut = ": leave out " + field;
        if (in.series() == null && !"forecasting".equals(out.task())) {
            throw new BadInputException(field + " applies to series models; " + model + " is " + kind(in, out) + leaveOut);
        }
        if (in.series() == null) {
            throw new BadInputException(field + " applies to rows of a series model's training file, but " + model
                    + " was saved without its layout and takes one window per row of " + in.width() + " numbers" + leaveOut);
        }
        throw new BadInputException(field + " applies to rows in " + model + "'s training file's layout (columns naming"
                + " the target '" + in.series().target() + "'), one row per time step; the input has one window per row"
                + leaveOut);
    }

    /** "a classification model of named columns", "a regression model of arrays of shape [4]", ... */
    static String kind(InputSchema in, OutputSchema out) {
        String task = "unknown".equals(out.task()) ? "" : out.task() + " ";
        String of = in.image() ? "images" : in.isNamed() ? "named columns" : "arrays of shape " + in.shape();
        return ("aeiou".indexOf(task.isEmpty() ? 'm' : task.charAt(0)) >= 0 ? "an " : "a ") + task + "model of " + of;
    }
}

package io.tunelab.dashboard.api;

import io.javalin.http.Context;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * File names of the dashboard's downloads, by study name and trial number (as the pages show them), never by internal
 * id: {@code mnist-trials.csv}, {@code mnist-trial-7-val_loss.csv}. Each part is made safe for a file name on any
 * system: accents dropped, characters other than letters, digits, {@code . _ -} become {@code _}, runs of them one, and a name is cut
 * to {@value #MAX_PART} characters. Stateless.
 */
final class DownloadNames {
    static final int MAX_PART = 80;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private DownloadNames() {
    }

    /** {@code text} safe in a file name: {@code train/loss} is {@code train_loss}; blank or all-unsafe text is {@code _}. */
    static String safe(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = UNSAFE.matcher(plain).replaceAll("_").replaceAll("^[._]+|_+$", "");
        if (s.isEmpty()) {
            return "_";
        }
        return s.length() > MAX_PART ? s.substring(0, MAX_PART) : s;
    }

    /** The trials table of a study: {@code STUDY-trials.csv}. */
    static String trials(String study) {
        return safe(study) + "-trials.csv";
    }

    /** One metric of one trial: {@code STUDY-trial-NUMBER-METRIC.EXT}. */
    static String trialSeries(String study, int number, String metric, String ext) {
        return safe(study) + "-trial-" + number + "-" + safe(metric) + "." + ext;
    }

    /** One metric of several trials of one study ({@code STUDY-METRIC.EXT}), or of several studies ({@code scalars-METRIC.EXT}). */
    static String studySeries(String studyOrNull, String metric, String ext) {
        return (studyOrNull == null ? "scalars" : safe(studyOrNull)) + "-" + safe(metric) + "." + ext;
    }

    /** Makes the response a download saved as {@code fileName} (one of this class's names). */
    static void attach(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}

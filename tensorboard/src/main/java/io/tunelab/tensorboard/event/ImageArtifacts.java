package io.tunelab.tensorboard.event;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How imports before the tracker's summary table kept a TensorBoard image, as a trial artifact (the exporter still
 * writes such artifacts as images; new imports store images as summaries): its name is
 * {@code image.<tag>.step-<step>.png}, the tag's characters other than letters, digits, '.', '_' and '-' as '_'
 * (artifact names are single file names).
 */
public final class ImageArtifacts {
    private static final Pattern NAME = Pattern.compile("image\\.(.+)\\.step-(\\d+)\\.png");
    private static final int MAX_TAG = 200;

    /** The tag and step an artifact name stands for. */
    public record TaggedStep(String tag, long step) {
    }

    private ImageArtifacts() {
    }

    public static String name(String tag, long step) {
        String safeTag = tag.replaceAll("[^A-Za-z0-9._-]", "_");
        return "image." + safeTag.substring(0, Math.min(safeTag.length(), MAX_TAG)) + ".step-" + step + ".png";
    }

    /** The (sanitised) tag and the step of an image artifact's name; empty for other artifacts. */
    public static Optional<TaggedStep> parse(String artifactName) {
        Matcher m = NAME.matcher(artifactName);
        return m.matches() ? Optional.of(new TaggedStep(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }
}

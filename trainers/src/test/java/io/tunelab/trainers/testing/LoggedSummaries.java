package io.tunelab.trainers.testing;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** The summaries one trial logged, read back from an in-memory study. */
public final class LoggedSummaries {
    private final Study study;
    private final FrozenTrial trial;

    public LoggedSummaries(Study study, FrozenTrial trial) {
        this.study = study;
        this.trial = trial;
    }

    /** Runs {@code body} as the only trial of a fresh study; fails if the trial does not complete. */
    public static LoggedSummaries of(Consumer<Trial> body) {
        Study study = TestStudies.maximizing("summaries");
        study.optimize(t -> {
            body.accept(t);
            return 0;
        }, OptimizeOptions.trials(1));
        FrozenTrial t = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        if (t.state() != TrialState.COMPLETE) {
            throw new AssertionError("trial " + t.state() + ": " + t.message());
        }
        return new LoggedSummaries(study, t);
    }

    public List<SummaryTag> tags() {
        return study.storage().summaryTags(trial.id());
    }

    public List<LoggedSummary> of(String tag) {
        return study.storage().summaries(trial.id(), tag);
    }

    /** The image logged as {@code tag} at {@code step}, decoded. */
    public BufferedImage image(String tag, long step) {
        LoggedSummary s = of(tag).stream().filter(l -> l.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " at step " + step + " in " + tags()));
        try {
            return ImageIO.read(new ByteArrayInputStream(((ImageSummary) s.value()).png()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.artifact.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link JdbcTrialStorage}'s artifacts and summaries: files in the artifact repository under
 * {@code study-<id>/trial-<number>/}, their rows in the database. Thread-safe.
 */
final class TrialFiles {
    private final Database db;
    private final TrialLoader loader;
    private final KnownTrials known;
    private final ArtifactRepository artifacts;
    private final Clock clock;
    private final ArtifactRows artifactRows = new ArtifactRows();
    private final SummaryRows summaryRows = new SummaryRows();

    TrialFiles(Database db, TrialLoader loader, KnownTrials known, ArtifactRepository artifacts, Clock clock) {
        this.db = db;
        this.loader = loader;
        this.known = known;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** Copies the file into the artifact repository and records it. */
    ArtifactRef storeArtifact(long trialId, String name, Path file) {
        StorageNames.checkArtifactName(name);
        TrialHead head = head(trialId);
        ArtifactRef ref = artifacts.store(List.of("study-" + head.studyId(), "trial-" + head.number()), name, file);
        Instant now = clock.instant();
        db.durableUpdate(c -> artifactRows.put(c, trialId, ref, now));
        return ref;
    }

    /** Forgets the artifact's row, then deletes its file. */
    void deleteArtifact(long trialId, String name) {
        ArtifactRef ref = db.read(c -> ArtifactRows.find(c, trialId, name));
        if (ref != null) {
            db.durableUpdate(c -> artifactRows.delete(c, trialId, name));
            artifacts.delete(ref);
        }
    }

    List<ArtifactRef> artifacts(long trialId) {
        return db.read(c -> {
            List<ArtifactRef> refs = artifactRows.list(c, trialId);
            if (refs.isEmpty() && loader.findHead(c, trialId).isEmpty()) {
                throw TrackerException.notFound("no trial with id " + trialId);
            }
            return refs;
        });
    }

    /**
     * Writes the summaries in one durable transaction, each image's PNG first into the artifact repository. Not through
     * the metric writer's queue: summaries come a few per epoch and can be megabytes each, which the queue (sized in
     * points) would hold in memory.
     */
    void logSummaries(long trialId, List<LoggedSummary> summaries) {
        if (summaries.isEmpty()) {
            known.require(trialId);
            return;
        }
        TrialHead head = head(trialId);
        List<SummaryRows.Row> rows = new ArrayList<>(summaries.size());
        for (LoggedSummary s : summaries) {
            rows.add(new SummaryRows.Row(s, s.value() instanceof ImageSummary image ? storeImage(head, s, image) : null));
        }
        db.durableUpdate(c -> summaryRows.insert(c, trialId, rows));
    }

    List<SummaryTag> summaryTags(long trialId) {
        List<SummaryTag> tags = db.read(c -> summaryRows.tags(c, trialId));
        if (tags.isEmpty()) {
            known.require(trialId);
        }
        return tags;
    }

    List<LoggedSummary> summaries(long trialId, String tag) {
        List<LoggedSummary> out = db.read(c -> summaryRows.list(c, trialId, tag, this::readPng));
        if (out.isEmpty()) {
            known.require(trialId);
        }
        return out;
    }

    private TrialHead head(long trialId) {
        return db.read(c -> loader.findHead(c, trialId))
                .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
    }

    private ArtifactRef storeImage(TrialHead head, LoggedSummary s, ImageSummary image) {
        try {
            Path tmp = Files.createTempFile("tunelab-summary-", ".png");
            try {
                Files.write(tmp, image.png());
                String tag = s.tag().replaceAll("[^A-Za-z0-9._-]", "_");
                String name = "image." + tag.substring(0, Math.min(tag.length(), 120)) + ".step-" + s.step() + "."
                        + ArtifactRef.sha256Of(tmp).substring(0, 16) + ".png";
                return artifacts.store(List.of("study-" + head.studyId(), "trial-" + head.number()), name, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing image '" + s.tag() + "' of step " + s.step(), e);
        }
    }

    private byte[] readPng(ArtifactRef ref) {
        try (InputStream in = artifacts.open(ref)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading image " + ref.uri(), e);
        }
    }
}

package io.tunelab.cli.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.serving.ModelRef;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab download MODEL@ALIAS --dir D} (or {@code MODEL@VERSION}, {@code MODEL VERSION}, as {@code predict} takes
 * them): copies every file of a registered version's source trial (the model
 * file, its encoder and ONNX export, ...) into D, as MLflow's {@code mlflow artifacts download}, each checked against
 * the SHA-256 stored when it was logged, before and after the copy ({@link ModelVersionFiles}), and writes
 * {@value #METADATA} with the version's registry entry. Files already in D are never overwritten.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Copy a model version's files (model, encoder, ...) into a directory, checking their SHA-256.")
public final class DownloadCommand implements Callable<Integer> {
    static final String METADATA = "version.json";

    @Parameters(index = "0", paramLabel = "MODEL@ALIAS|MODEL@VERSION|MODEL",
            description = "e.g. fashion@production, fashion@3, or fashion with VERSION")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The version: 3 or v3.")
    String version;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to put the files (created).")
    Path dir;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    DownloadCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        String argument = version == null ? target : target + "@" + version;
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            ModelRef named = new RegistryModelResolver(tracker, ServeTarget.parse(argument, tracker.registry()), wiring.trainers())
                    .current();
            ModelVersion v = tracker.registry().version(named.model(), named.version());
            String what = named.model() + " v" + named.version();
            List<ArtifactRef> files = tracker.storage().artifacts(v.source().trialId());
            for (ArtifactRef ref : files) {
                if (!dir.resolve(ref.name()).normalize().startsWith(dir.normalize())) {
                    throw new CliException("the file name '" + ref.name() + "' of " + what + " leads out of --dir; nothing"
                            + " was copied");
                }
                if (Files.exists(dir.resolve(ref.name()))) {
                    throw new CliException("--dir " + dir + " already holds " + ref.name() + "; nothing was copied:"
                            + " choose an empty directory");
                }
            }
            Files.createDirectories(dir);
            for (ArtifactRef ref : files) {
                Path target = dir.resolve(ref.name());
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(ModelVersionFiles.of(tracker, ref, what), target);
                ModelVersionFiles.verify(target, ref, what + " (the copy)");
                out.println(target + "  sha256 " + ref.sha256());
            }
            Files.writeString(dir.resolve(METADATA), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(metadata(v)));
            out.println("Copied " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " of " + what + " to " + dir
                    + ", checked against their logged SHA-256; its registry entry is in " + METADATA + ".");
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> metadata(ModelVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", v.model());
        m.put("version", v.version());
        m.put("aliases", v.aliases());
        m.put("study", v.source().study());
        m.put("trial", v.source().trialNumber());
        m.put("model_file", v.source().artifact() == null ? null : v.source().artifact().name());
        m.put("params", v.params());
        m.put("values", v.values());
        m.put("description", v.description());
        m.put("tags", v.tags());
        m.put("created", v.created().toString());
        m.put("created_by", v.createdBy());
        return m;
    }
}

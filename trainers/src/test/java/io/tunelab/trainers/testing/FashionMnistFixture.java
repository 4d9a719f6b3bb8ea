package io.tunelab.trainers.testing;

import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.FashionMnist;

/**
 * Fashion-MNIST for tests, loaded once per JVM from the standard locations without downloading (install
 * Debian's {@code dataset-fashion-mnist}, or set {@code -Dtunelab.datasets.dir}).
 */
public final class FashionMnistFixture {
    private static DatasetSplits splits;

    private FashionMnistFixture() {
    }

    public static synchronized DatasetSplits splits() {
        if (splits == null) {
            DatasetRepository.Builder repo = DatasetRepository.builder().download(false);
            String dir = System.getProperty(DatasetRepository.DATA_DIR_PROPERTY);
            if (dir != null) {
                repo.dataDir(java.nio.file.Path.of(dir));
            }
            splits = repo.build().load(FashionMnist.SPEC);
        }
        return splits;
    }

    /** The first {@code train} training and {@code valid} validation images. */
    public static DatasetSplits subset(int train, int valid) {
        return splits().limit(train, valid, 0);
    }
}

package io.tunelab.trainers.data;

import java.net.URI;
import java.util.List;

/**
 * Zalando's Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, arXiv:1708.07747): 70,000 greyscale 28×28
 * images of ten kinds of clothing; 60,000 for training and 10,000 for testing. Split here as in
 * Géron's <i>Hands-On Machine Learning</i>: the first 5,000 training images validate, the other 55,000
 * train.
 *
 * <p>The checksums are SHA-256 digests of the uncompressed IDX files, which are the same in the
 * upstream release and in Debian's {@code dataset-fashion-mnist} package (which re-compresses them).
 */
public final class FashionMnist {
    /** Where the upstream project publishes the files; override with {@link IdxDatasetSpec#withSource}. */
    public static final URI OFFICIAL_SOURCE = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    public static final IdxDatasetSpec SPEC = new IdxDatasetSpec("fashion-mnist",
            new IdxFile("train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new IdxFile("train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new IdxFile("t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new IdxFile("t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            10, 5_000, OFFICIAL_SOURCE);

    /** How many images the training files hold (validation images included). */
    public static final int TRAINING_IMAGES = 60_000;

    /** Class names in label order. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }
}

package io.tunelab.search.summary;

import java.util.Arrays;

/**
 * An image, kept as the bytes of a PNG file.
 *
 * @param png      the PNG file's bytes
 * @param width    pixels, from the PNG header
 * @param height   pixels, from the PNG header
 * @param channels 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA
 */
public record ImageSummary(byte[] png, int width, int height, int channels) implements SummaryValue {
    public ImageSummary {
        png = png.clone();
    }

    /** The image in {@code png}; an {@link InvalidSummaryException} naming {@code what} if it is not a PNG. */
    public static ImageSummary ofPng(byte[] png, String what) {
        PngHeader header = PngHeader.of(png, what);
        return new ImageSummary(png, header.width(), header.height(), header.channels());
    }

    /** The PNG bytes, a copy. */
    @Override
    public byte[] png() {
        return png.clone();
    }

    /** Number of bytes of the PNG. */
    public int size() {
        return png.length;
    }

    @Override
    public SummaryKind kind() {
        return SummaryKind.IMAGE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSummary i && width == i.width && height == i.height && channels == i.channels
                && Arrays.equals(png, i.png);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "ImageSummary[" + width + "x" + height + "x" + channels + ", " + png.length + " bytes]";
    }
}

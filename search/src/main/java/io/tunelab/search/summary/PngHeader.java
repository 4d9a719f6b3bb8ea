package io.tunelab.search.summary;

import java.nio.ByteBuffer;

/**
 * Width, height and channels of a PNG, read from its signature and {@code IHDR} chunk.
 *
 * @param width    pixels
 * @param height   pixels
 * @param channels 1 grey, 2 grey and alpha, 3 RGB (also palette), 4 RGBA: TensorBoard's {@code colorspace}
 */
public record PngHeader(int width, int height, int channels) {
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;

    /** Reads the header of {@code png}; a {@link InvalidSummaryException} naming {@code what} if it is not a PNG. */
    public static PngHeader of(byte[] png, String what) {
        if (png.length < 29) {
            throw new InvalidSummaryException(what + ": " + png.length + " bytes is too short for a PNG; expected a PNG file's bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(png);
        if (b.getLong(0) != SIGNATURE || b.getInt(12) != IHDR) {
            throw new InvalidSummaryException(what + ": not a PNG (no PNG signature and IHDR chunk); expected a PNG file's bytes");
        }
        int channels = switch (png[25]) {
            case 0 -> 1;
            case 4 -> 2;
            case 6 -> 4;
            default -> 3;
        };
        return new PngHeader(b.getInt(16), b.getInt(20), channels);
    }
}

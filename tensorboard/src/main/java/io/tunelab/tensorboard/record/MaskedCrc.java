package io.tunelab.tensorboard.record;

import java.util.zip.CRC32C;

/**
 * TFRecord's checksum: CRC-32C (Castagnoli) of the bytes, rotated right by 15 bits plus
 * {@code 0xa282ead8}, all modulo 2^32 ("masked" so that a CRC of data that holds CRCs stays
 * well distributed).
 */
public final class MaskedCrc {
    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc() {
    }

    /** The masked CRC-32C of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return mask((int) crc.getValue());
    }

    /** Masks a plain CRC-32C value. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}

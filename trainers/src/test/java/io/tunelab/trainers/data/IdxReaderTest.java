package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsGzippedAndPlainFilesToTheSameContentAndChecksum() throws Exception {
        byte[] content = IdxFiles.images(3);
        IdxArray gz = IdxReader.read(IdxFiles.write(dir.resolve("a.gz"), content, true));
        IdxArray plain = IdxReader.read(IdxFiles.write(dir.resolve("a"), content, false));

        assertThat(gz.shape()).containsExactly(3, 2, 2);
        assertThat(gz.data()).isEqualTo(plain.data());
        assertThat(gz.contentSha256()).isEqualTo(plain.contentSha256()).isEqualTo(IdxFiles.sha(content));
    }

    @Test
    void pixelsAbove127AreReadAsUnsignedAndScaledToTheUnitInterval() throws Exception {
        byte[] content = IdxFiles.ubyte(new int[] {1, 2, 2}, new byte[] {0, (byte) 128, (byte) 200, (byte) 255});
        IdxArray a = IdxReader.read(IdxFiles.write(dir.resolve("x"), content, true));

        float[] pixels = a.toUnitFloats();
        assertThat(pixels[0]).isZero();
        assertThat(pixels[1]).isEqualTo(128f / 255f);
        assertThat(pixels[2]).isEqualTo(200f / 255f);
        assertThat(pixels[3]).isEqualTo(1f);
        assertThat(a.toInts()).containsExactly(0, 128, 200, 255);
        assertThat(a.itemShape()).containsExactly(2, 2);
    }

    @Test
    void rejectsElementTypesOtherThanUnsignedBytes() throws Exception {
        Path floats = IdxFiles.write(dir.resolve("f"), IdxFiles.idx(0x0D, new int[] {1}, new byte[4]), false);

        assertThatThrownBy(() -> IdxReader.read(floats)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("element type 0x0d").hasMessageContaining(floats.toString());
    }

    @Test
    void rejectsATruncatedFileNamingTheDeclaredSize() throws Exception {
        byte[] full = IdxFiles.images(3);
        Path cut = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(full, full.length - 1), true);

        assertThatThrownBy(() -> IdxReader.read(cut)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("12 bytes");
    }

    @Test
    void rejectsFilesThatAreNotIdx() throws Exception {
        Path text = IdxFiles.write(dir.resolve("t"), "hello world".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);

        assertThatThrownBy(() -> IdxReader.read(text)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("not an IDX file");
    }
}

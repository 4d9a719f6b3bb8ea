package io.tunelab.tensorboard.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfRecordFramingTest {
    @TempDir
    Path dir;

    @Test
    void theCrcIsCastagnolisMaskedAsTheFormatSays() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-32C check value of "123456789" is 0xE3069283 (RFC 3720, B.4); masked: rotr15 + 0xa282ead8.
        int crc = 0xE3069283;
        int masked = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        assertThat(MaskedCrc.of(digits, 0, digits.length)).isEqualTo(masked);
    }

    @Test
    void theHeaderOfA24ByteRecordIsTheOneEveryTensorFlowEventsFileStartsWith() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TfRecordWriter(out).write(new byte[24]);
        // The first 12 bytes of any TensorFlow events file: length 24 (the brain.Event:2 record), its masked CRC.
        assertThat(HexFormat.of().formatHex(out.toByteArray(), 0, 12)).isEqualTo("1800000000000000a37f4b22");
        assertThat(out.size()).isEqualTo(12 + 24 + 4);
    }

    @Test
    void recordsWrittenAreReadBackWithTheirOffsets() throws IOException {
        Path file = write(List.of(bytes("first"), bytes(""), bytes("third record")));
        List<TfRecordReader.Record> read = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        TfRecordReader.read(file, read::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(read).extracting(r -> new String(r.data(), StandardCharsets.UTF_8)).containsExactly("first", "", "third record");
        assertThat(read).extracting(TfRecordReader.Record::offset).containsExactly(0L, 21L, 37L);
    }

    @Test
    void aRecordWithABadDataCrcIsSkippedAndReportedAndTheNextOneIsRead() throws IOException {
        Path file = write(List.of(bytes("first"), bytes("second"), bytes("third")));
        byte[] all = Files.readAllBytes(file);
        all[21 + 12] ^= 0x01;
        Files.write(file, all);
        List<TfRecordReader.Record> read = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        TfRecordReader.read(file, read::add, problems::add);
        assertThat(read).extracting(r -> new String(r.data(), StandardCharsets.UTF_8)).containsExactly("first", "third");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.offset()).isEqualTo(21);
            assertThat(p.reason()).contains("data CRC");
        });
    }

    @Test
    void aBadLengthCrcEndsTheFileWithAReport() throws IOException {
        Path file = write(List.of(bytes("first"), bytes("second")));
        byte[] all = Files.readAllBytes(file);
        all[21] = 99;
        Files.write(file, all);
        List<TfRecordReader.Record> read = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        TfRecordReader.read(file, read::add, problems::add);
        assertThat(read).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.offset()).isEqualTo(21);
            assertThat(p.reason()).contains("length CRC");
        });
    }

    @Test
    void aFileCutInsideARecordKeepsWhatCameBeforeAndReportsWhereItEnds() throws IOException {
        Path file = write(List.of(bytes("first"), bytes("second")));
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length - 1, 21 + 14, 21 + 5}) {
            Path cutFile = dir.resolve("cut-" + cut);
            Files.write(cutFile, java.util.Arrays.copyOf(all, cut));
            List<TfRecordReader.Record> read = new ArrayList<>();
            List<RecordProblem> problems = new ArrayList<>();
            TfRecordReader.read(cutFile, read::add, problems::add);
            assertThat(read).hasSize(1);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.offset()).isEqualTo(21);
                assertThat(p.reason()).contains("truncated");
            });
        }
    }

    private Path write(List<byte[]> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfRecordWriter writer = new TfRecordWriter(out);
        for (byte[] r : records) {
            writer.write(r);
        }
        Path file = dir.resolve("records");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

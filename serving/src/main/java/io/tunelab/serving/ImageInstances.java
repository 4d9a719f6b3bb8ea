package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.sources.ImageFolders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One instance of an image model ({@link InputSchema#image()}), as a row laid out as the model's
 * {@code [channels, height, width]}: either {@code {"png": "<base64>"}} (a PNG or JPEG of any size, scaled
 * and converted to the model's channels exactly as its training images were, by {@link ImageFolders#pixels})
 * or a nested array of {@code [height, width, channels]} values in [0, 1]. Problems are
 * {@link BadInputException}s naming the field and the expected shape. Stateless.
 */
final class ImageInstances {
    /** Images with more pixels than this are refused before they are decoded. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private ImageInstances() {
    }

    static float[] parse(JsonNode instance, String path, InputSchema schema) {
        if (instance.isObject()) {
            return png(instance, path, schema);
        }
        if (instance.isArray()) {
            return heightWidthChannels(instance, path, schema);
        }
        throw new BadInputException(path + " must be {\"png\": \"<base64>\"} or an array of shape " + expected(schema)
                + " (height, width, channels) of values in [0, 1]");
    }

    private static String expected(InputSchema schema) {
        return "[" + schema.shape().get(1) + ", " + schema.shape().get(2) + ", " + schema.shape().get(0) + "]";
    }

    private static float[] png(JsonNode instance, String path, InputSchema schema) {
        JsonNode data = instance.get("png");
        if (data == null || instance.size() != 1) {
            throw new BadInputException(path + " must be an object with the one field \"png\" (a base64 PNG or JPEG), got"
                    + " fields " + iterable(instance.fieldNames()));
        }
        if (!data.isTextual()) {
            throw new BadInputException(path + ".png must be a base64 string of a PNG or JPEG image");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.asText().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ".png is not base64: " + e.getMessage());
        }
        BufferedImage image = decode(bytes, path);
        return ImageFolders.pixels(image, schema.shape().get(1), schema.shape().get(2), schema.shape().get(0));
    }

    private static BufferedImage decode(byte[] bytes, String path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new BadInputException(path + ".png is not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadInputException(path + ".png has " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels; at most " + MAX_PIXELS + " pixels are decoded");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(path + ".png is not a readable PNG or JPEG image: " + e.getMessage());
        }
    }

    private static float[] heightWidthChannels(JsonNode instance, String path, InputSchema schema) {
        int channels = schema.shape().get(0);
        int height = schema.shape().get(1);
        int width = schema.shape().get(2);
        String shape = " does not match the image shape " + expected(schema) + " (height, width, channels): expected ";
        if (instance.size() != height) {
            throw new BadInputException(path + shape + height + " rows, got " + instance.size());
        }
        float[] row = new float[channels * height * width];
        for (int r = 0; r < height; r++) {
            JsonNode line = instance.get(r);
            String at = path + "[" + r + "]";
            if (!line.isArray() || line.size() != width) {
                throw new BadInputException(at + shape + "an array of " + width + " pixels");
            }
            for (int k = 0; k < width; k++) {
                JsonNode pixel = line.get(k);
                String here = at + "[" + k + "]";
                if (!pixel.isArray() || pixel.size() != channels) {
                    throw new BadInputException(here + shape + "an array of " + channels + " channel values");
                }
                for (int c = 0; c < channels; c++) {
                    row[c * height * width + r * width + k] = InstanceParser.input(pixel.get(c), here + "[" + c + "]", schema);
                }
            }
        }
        return row;
    }

    private static String iterable(Iterator<String> names) {
        StringBuilder out = new StringBuilder("[");
        names.forEachRemaining(n -> out.append(out.length() > 1 ? ", " : "").append(n));
        return out.append(']').toString();
    }
}

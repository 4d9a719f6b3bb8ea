package io.tunelab.serving;

/**
 * A registered model version.
 *
 * @param model   registered model name
 * @param version version number, from 1
 */
public record ModelRef(String model, int version) {
    @Override
    public String toString() {
        return model + " v" + version;
    }
}

package dev.layerstudio.model;

import java.util.Objects;

/**
 * One module as the Lambda probe imported it inside the runtime.
 *
 * @param name    the top-level module name
 * @param ok      whether the import succeeded
 * @param seconds how long the import took, null when the process importing it died
 * @param error   the runtime's own error ({@code ModuleNotFoundError: No module named 'x'}), null when ok
 */
public record ProbeModule(String name, boolean ok, Double seconds, String error) {

    public ProbeModule {
        Objects.requireNonNull(name, "name");
    }
}

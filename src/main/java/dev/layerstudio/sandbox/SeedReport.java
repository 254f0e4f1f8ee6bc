package dev.layerstudio.sandbox;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.List;

/** What a seeding put into the sandbox, in every region. */
public record SeedReport(List<LayerVersionInfo> layerVersions, List<FunctionInfo> functions) {

    public SeedReport {
        layerVersions = List.copyOf(layerVersions);
        functions = List.copyOf(functions);
    }
}

package dev.layerstudio.aws;

import dev.layerstudio.model.AttachedLayer;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentOutput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/** Turns the SDK's Lambda shapes into model records. */
final class LambdaMapping {

    private static final DateTimeFormatter LAMBDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private LambdaMapping() {
    }

    static LayerVersionInfo version(LayerVersionsListItem v) {
        return new LayerVersionInfo(LayerVersionRef.parse(v.layerVersionArn()), v.description(), v.licenseInfo(),
                v.compatibleRuntimesAsStrings(), v.compatibleArchitecturesAsStrings(), -1, null,
                date(v.createdDate()), null);
    }

    static LayerVersionInfo version(GetLayerVersionResponse v) {
        return version(v.layerVersionArn(), v.description(), v.licenseInfo(), v.compatibleRuntimesAsStrings(),
                v.compatibleArchitecturesAsStrings(), v.content(), v.createdDate());
    }

    static LayerVersionInfo version(PublishLayerVersionResponse v) {
        return version(v.layerVersionArn(), v.description(), v.licenseInfo(), v.compatibleRuntimesAsStrings(),
                v.compatibleArchitecturesAsStrings(), v.content(), v.createdDate());
    }

    private static LayerVersionInfo version(String arn, String description, String license, List<String> runtimes,
                                            List<String> architectures, LayerVersionContentOutput c, String created) {
        return new LayerVersionInfo(LayerVersionRef.parse(arn), description, license, runtimes, architectures,
                c == null || c.codeSize() == null ? -1 : c.codeSize(), c == null ? null : c.codeSha256(),
                date(created), c == null ? null : c.location());
    }

    static FunctionInfo function(FunctionConfiguration f) {
        return function(f.functionName(), f.functionArn(), f.runtimeAsString(), f.architecturesAsStrings(),
                f.codeSize(), f.layers(), f.revisionId(), f.packageTypeAsString(), f.lastUpdateStatusAsString());
    }

    static FunctionInfo function(GetFunctionConfigurationResponse f) {
        return function(f.functionName(), f.functionArn(), f.runtimeAsString(), f.architecturesAsStrings(),
                f.codeSize(), f.layers(), f.revisionId(), f.packageTypeAsString(), f.lastUpdateStatusAsString());
    }

    static FunctionInfo function(CreateFunctionResponse f) {
        return function(f.functionName(), f.functionArn(), f.runtimeAsString(), f.architecturesAsStrings(),
                f.codeSize(), f.layers(), f.revisionId(), f.packageTypeAsString(), f.lastUpdateStatusAsString());
    }

    static FunctionInfo function(UpdateFunctionConfigurationResponse f) {
        return function(f.functionName(), f.functionArn(), f.runtimeAsString(), f.architecturesAsStrings(),
                f.codeSize(), f.layers(), f.revisionId(), f.packageTypeAsString(), f.lastUpdateStatusAsString());
    }

    private static FunctionInfo function(String name, String arn, String runtime, List<String> architectures,
                                         Long codeSize, List<Layer> layers, String revisionId, String packageType,
                                         String lastUpdateStatus) {
        return new FunctionInfo(name, arn, regionOf(arn), runtime, architectures, nz(codeSize), layers(layers),
                revisionId, packageType, lastUpdateStatus);
    }

    private static List<AttachedLayer> layers(List<Layer> layers) {
        return layers == null ? List.of()
                : layers.stream().map(l -> new AttachedLayer(l.arn(), nz(l.codeSize()))).toList();
    }

    private static long nz(Long value) {
        return value == null ? -1 : value;
    }

    /** The region part of an ARN, or null. */
    static String regionOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : null;
    }

    /** Lambda writes dates as {@code 2018-11-27T15:10:45.123+0000}; null when it cannot be read. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, LAMBDA_DATE).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}

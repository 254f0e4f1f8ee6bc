package dev.layerstudio.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ShareTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads who may use a layer version from its resource policy (the AWS shape and moto's). */
final class LayerPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(LayerPolicies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerPolicies() {
    }

    /** Statements of a layer version policy (or one statement), in the AWS shape and in moto's. */
    static List<LayerPermission> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            LOG.warn("Unreadable layer policy: {}", json, e);
            return List.of();
        }
        JsonNode statements = root.has("Statement") ? root.get("Statement") : root;
        List<LayerPermission> out = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(s -> out.add(statement(s)));
        } else if (statements.isObject()) {
            out.add(statement(statements));
        }
        return out;
    }

    private static LayerPermission statement(JsonNode s) {
        String sid = s.path("Sid").asText("");
        JsonNode actionNode = s.path("Action");
        String action = actionNode.isArray() ? actionNode.path(0).asText("") : actionNode.asText("");
        String principal = principal(s.path("Principal"));
        String org = s.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText(null);
        if (org == null && s.hasNonNull("OrganizationId")) {
            org = s.get("OrganizationId").asText();
        }
        ShareTarget target = null;
        try {
            if ("*".equals(principal)) {
                target = org != null ? ShareTarget.organization(org) : ShareTarget.everyone();
            } else if (principal != null) {
                target = ShareTarget.account(principal);
            }
        } catch (LayerStudioException unusual) {
            target = null;
        }
        return new LayerPermission(sid, target, action);
    }

    /** {@code "*"}, {@code "123456789012"}, {@code {"AWS": "arn:aws:iam::123456789012:root"}}. */
    private static String principal(JsonNode p) {
        if (p.isTextual()) {
            return accountOf(p.asText());
        }
        JsonNode aws = p.path("AWS");
        if (aws.isArray()) {
            aws = aws.path(0);
        }
        return aws.isTextual() ? accountOf(aws.asText()) : null;
    }

    private static String accountOf(String principal) {
        if (principal.startsWith("arn:")) {
            String[] parts = principal.split(":");
            return parts.length > 4 ? parts[4] : principal;
        }
        return principal;
    }
}

package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.ShareTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code share --layer NAME --layer-version N [--account ID]... [--organization ID] [--public] [--revoke SID]...}. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Share a layer version with accounts, an organization or everyone; list or revoke grants.")
public final class ShareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "NAME", description = "Layer name.")
    String layer;

    @Option(names = "--layer-version", required = true, paramLabel = "N", description = "Layer version number.")
    long version;

    @Option(names = "--account", split = ",", paramLabel = "ACCOUNT_ID", description = "Share with this account.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--organization", paramLabel = "o-...", description = "Share with every account of it.")
    List<String> organizations = new ArrayList<>();

    @Option(names = "--public", description = "Share with every AWS account.")
    boolean everyone;

    @Option(names = "--revoke", paramLabel = "STATEMENT_ID", description = "Remove this grant.")
    List<String> revoke = new ArrayList<>();

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        List<ShareTarget> targets = new ArrayList<>();
        accounts.forEach(a -> targets.add(ShareTarget.account(a.trim())));
        organizations.forEach(o -> targets.add(ShareTarget.organization(o.trim())));
        if (everyone) {
            targets.add(ShareTarget.everyone());
        }
        try (AwsSession session = options.session()) {
            SdkLayerService layers = new SdkLayerService(session);
            for (String sid : revoke) {
                layers.revoke(layer, version, sid);
                out.note("Revoked " + sid);
            }
            for (ShareTarget t : targets) {
                layers.share(layer, version, t);
                out.note("Shared " + layer + ":" + version + " with " + t.describe());
            }
            List<LayerPermission> grants = layers.permissions(layer, version);
            out.line(grants.isEmpty() ? "%s:%d is not shared with other accounts." : "%s:%d is shared with:", layer,
                    version);
            for (LayerPermission p : grants) {
                out.line("  %-40s %s", p.statementId(), p.describe());
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("layer", layer);
            doc.put("version", version);
            doc.put("permissions", grants.stream().map(Views::permission).toList());
            out.document(doc);
            return 0;
        }
    }
}

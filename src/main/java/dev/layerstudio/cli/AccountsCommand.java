package dev.layerstudio.cli;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import dev.layerstudio.model.SsoSessionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accounts}: every account and role one IAM Identity Center sign-in reaches. */
@Command(name = "accounts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the accounts and roles one IAM Identity Center (SSO) sign-in can reach.",
            "Uses the sign-in of `login` or `aws sso login`."})
public final class AccountsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sso-session", paramLabel = "NAME",
            description = "The [sso-session NAME] to list (default: the one of --profile, else the only one).")
    String ssoSession;

    record Account(String accountId, String name, String email, List<String> roles) {
    }

    record Result(String ssoSession, String startUrl, String region, List<Account> accounts) {
    }

    @Override
    public Integer call() {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        Connector connector = global.connector();
        SsoSessionInfo session = connector.chooseSsoSession(ssoSession, global.profile());
        List<Account> accounts = new ArrayList<>();
        for (SsoAccount a : connector.sso().accounts(session)) {
            List<String> roles = connector.sso().roles(session, a.accountId()).stream().map(SsoRole::roleName).toList();
            accounts.add(new Account(a.accountId(), a.name(), a.email(), roles));
        }
        out.line("SSO session %s: %s (%s)", session.name(), session.startUrl(), session.region());
        for (Account a : accounts) {
            out.line("  %s  %s%s", a.accountId(), a.name() == null ? "" : a.name(),
                    a.email() == null ? "" : "  <" + a.email() + ">");
            for (String role : a.roles()) {
                out.line("      %s", role);
            }
            if (a.roles().isEmpty()) {
                out.line("      (no roles)");
            }
        }
        out.line("%d account%s.", accounts.size(), accounts.size() == 1 ? "" : "s");
        out.document(new Result(session.name(), session.startUrl(), session.region(), accounts));
        return 0;
    }
}

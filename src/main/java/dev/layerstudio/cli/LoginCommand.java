package dev.layerstudio.cli;

import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.model.SsoSessionInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code login}: device-code sign-in to IAM Identity Center, shared with the AWS CLI. */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sign in to IAM Identity Center (SSO) with a device code.",
            "Prints a URL and a code to approve in a browser, waits, and saves the sign-in where "
                + "`aws sso login` does, so both tools share it."})
public final class LoginCommand implements Callable<Integer> {

    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Option(names = "--sso-session", paramLabel = "NAME",
            description = "The [sso-session NAME] to sign in to (default: the one of --profile, else the only one).")
    String ssoSession;

    record Result(String ssoSession, String startUrl, String region, Instant expiresAt) {
    }

    @Override
    public Integer call() throws Exception {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        SsoSessionInfo session = global.connector().chooseSsoSession(ssoSession, global.profile());
        Instant until = global.connector().deviceLogin().login(session, auth -> prompt(out, session, auth));
        out.line("Signed in to SSO session '%s' until %s.", session.name(), LOCAL_TIME.format(until));
        out.document(new Result(session.name(), session.startUrl(), session.region(), until));
        return 0;
    }

    private static void prompt(Output out, SsoSessionInfo session, DeviceAuthorization auth) {
        String[] lines = {
            "To sign in to SSO session '" + session.name() + "' (" + session.startUrl() + "), open",
            "  " + auth.verificationUriComplete(),
            "in a browser and check that it shows the code " + auth.userCode() + ".",
            "Waiting for approval (the code expires at " + LOCAL_TIME.format(auth.expiresAt()) + ")…"};
        for (String line : lines) {
            if (out.json()) {
                out.note(line);
            } else {
                out.line(line);
            }
        }
    }
}

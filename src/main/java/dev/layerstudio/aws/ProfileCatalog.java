package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.ProfileKind;
import dev.layerstudio.model.SsoSessionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the AWS config and credentials files, each with its kind and, when
 * it cannot be used, why. Parsing is the SDK's own ({@link ProfileFile}); each file is
 * read on its own so that a malformed one does not hide the profiles of the other, and
 * a broken profile does not hide the rest.
 *
 * <p>A snapshot: load a new one to see edits to the files.
 */
public final class ProfileCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileCatalog.class);

    static final String SSO_SESSION = "sso_session";
    static final String SSO_SESSION_SECTION = "sso-session";
    static final String SSO_REGISTRATION_SCOPES = "sso_registration_scopes";
    /** Only to discover the names of [sso-session X] sections; their content is read by the SDK. */
    private static final Pattern SSO_SESSION_HEADER = Pattern.compile("^\\s*\\[\\s*sso-session\\s+([^\\]]+?)\\s*]");
    private static final Set<String> CREDENTIAL_SOURCES = Set.of("Environment", "Ec2InstanceMetadata", "EcsContainer");

    private final AwsEnvironment env;
    private final ProfileFile file;
    private final List<String> fileProblems;
    private final Map<String, ProfileInfo> profiles;
    private final Map<String, SsoSessionInfo> ssoSessions;
    private final Map<String, String> ssoSessionProblems;

    private ProfileCatalog(AwsEnvironment env, ProfileFile file, List<String> fileProblems, Set<String> sessionNames) {
        this.env = env;
        this.file = file;
        this.fileProblems = List.copyOf(fileProblems);
        this.ssoSessions = new LinkedHashMap<>();
        this.ssoSessionProblems = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>(sessionNames);
        for (Profile p : file.profiles().values()) {
            p.property(SSO_SESSION).ifPresent(names::add);
        }
        for (String name : names) {
            readSsoSession(name);
        }
        this.profiles = new LinkedHashMap<>();
        for (String name : sortedNames(file.profiles().keySet())) {
            ProfileInfo info = describe(file.profiles().get(name));
            profiles.put(name, info);
            if (info.kind() == ProfileKind.SSO_LEGACY && info.usable()) {
                Profile p = file.profiles().get(name);
                String url = p.property(ProfileProperty.SSO_START_URL).orElseThrow();
                ssoSessions.putIfAbsent(url, new SsoSessionInfo(url, url,
                        p.property(ProfileProperty.SSO_REGION).orElseThrow(), true));
            }
        }
    }

    /** Reads the files {@code env} points at; missing files count as empty. */
    public static ProfileCatalog load(AwsEnvironment env) {
        List<String> problems = new ArrayList<>();
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        // The SDK's own order: the credentials file wins over the config file.
        read(env.credentialsFile(), ProfileFile.Type.CREDENTIALS, "credentials", problems).ifPresent(aggregator::addFile);
        Optional<ProfileFile> config = read(env.configFile(), ProfileFile.Type.CONFIGURATION, "config", problems);
        config.ifPresent(aggregator::addFile);
        Set<String> sessions = config.isPresent() ? ssoSessionHeaders(env.configFile()) : Set.of();
        return new ProfileCatalog(env, aggregator.build(), problems, sessions);
    }

    /** A catalog over an already parsed file (sso-session sections are found through the profiles that use them). */
    public static ProfileCatalog of(ProfileFile file, AwsEnvironment env) {
        return new ProfileCatalog(env, file, List.of(), Set.of());
    }

    private static Optional<ProfileFile> read(Path path, ProfileFile.Type type, String what, List<String> problems) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileFile.builder().content(path).type(type).build());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the AWS {} file {}: {}", what, path, e.toString());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add("The AWS " + what + " file " + path + " cannot be read (" + stripDot(why)
                    + "), so its profiles are missing: fix that line and reload.");
            return Optional.empty();
        }
    }

    private static Set<String> ssoSessionHeaders(Path config) {
        if (!Files.isReadable(config)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(config)) {
                Matcher m = SSO_SESSION_HEADER.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not scan {} for sso-session sections", config, e);
        }
        return names;
    }

    private void readSsoSession(String name) {
        Optional<Profile> section = file.getSection(SSO_SESSION_SECTION, name);
        if (section.isEmpty()) {
            ssoSessionProblems.put(name, "There is no [sso-session " + name + "] section in " + env.configFile() + ".");
            return;
        }
        Optional<String> url = section.get().property(ProfileProperty.SSO_START_URL);
        Optional<String> region = section.get().property(ProfileProperty.SSO_REGION);
        if (url.isEmpty() || region.isEmpty()) {
            ssoSessionProblems.put(name, "The [sso-session " + name + "] section has no "
                    + (url.isEmpty() ? "sso_start_url" : "sso_region") + ".");
            return;
        }
        ssoSessions.put(name, new SsoSessionInfo(name, url.get(), region.get(), false));
    }

    private ProfileInfo describe(Profile p) {
        String name = p.name();
        Map<String, String> props = p.properties();
        String region = props.get(ProfileProperty.REGION);
        if (props.containsKey(ProfileProperty.ROLE_ARN)) {
            if (props.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
                Path token = Path.of(props.get(ProfileProperty.WEB_IDENTITY_TOKEN_FILE));
                return new ProfileInfo(name, ProfileKind.WEB_IDENTITY, region, null, Files.isReadable(token) ? null
                        : "Profile '" + name + "' reads its web identity token from " + token
                        + ", which does not exist.");
            }
            return new ProfileInfo(name, ProfileKind.ASSUME_ROLE, region, null, assumeRoleProblem(p));
        }
        if (props.containsKey(SSO_SESSION)) {
            String session = props.get(SSO_SESSION);
            String problem = ssoSessionProblems.get(session);
            if (problem != null) {
                problem = "Profile '" + name + "' signs in through SSO session '" + session + "', but: " + problem;
            } else if (!props.containsKey(ProfileProperty.SSO_ACCOUNT_ID)
                    || !props.containsKey(ProfileProperty.SSO_ROLE_NAME)) {
                problem = "Profile '" + name + "' names no account and role (sso_account_id, sso_role_name): "
                        + "choose them from SSO session '" + session + "' instead.";
            }
            return new ProfileInfo(name, ProfileKind.SSO, region, session, problem);
        }
        if (props.containsKey(ProfileProperty.SSO_START_URL)) {
            List<String> missing = new ArrayList<>();
            for (String key : List.of(ProfileProperty.SSO_REGION, ProfileProperty.SSO_ACCOUNT_ID,
                    ProfileProperty.SSO_ROLE_NAME)) {
                if (!props.containsKey(key)) {
                    missing.add(key);
                }
            }
            return new ProfileInfo(name, ProfileKind.SSO_LEGACY, region, props.get(ProfileProperty.SSO_START_URL),
                    missing.isEmpty() ? null : "Profile '" + name + "' has sso_start_url but no "
                            + String.join(", ", missing) + ": add " + (missing.size() == 1 ? "it" : "them")
                            + " or move it to an [sso-session].");
        }
        if (props.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) {
            return new ProfileInfo(name, ProfileKind.CREDENTIAL_PROCESS, region, null,
                    props.get(ProfileProperty.CREDENTIAL_PROCESS).isBlank()
                            ? "Profile '" + name + "' has an empty credential_process." : null);
        }
        if (props.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)
                || props.containsKey(ProfileProperty.AWS_SECRET_ACCESS_KEY)) {
            return new ProfileInfo(name, ProfileKind.STATIC_KEYS, region, null, staticKeysProblem(name, props));
        }
        return new ProfileInfo(name, ProfileKind.NO_CREDENTIALS, region, null, "Profile '" + name
                + "' has no credentials (no keys, role, SSO or credential_process): add them in "
                + env.credentialsFile() + ", or choose another profile.");
    }

    private static String staticKeysProblem(String name, Map<String, String> props) {
        for (String key : List.of(ProfileProperty.AWS_ACCESS_KEY_ID, ProfileProperty.AWS_SECRET_ACCESS_KEY)) {
            String value = props.get(key);
            if (value == null || value.isBlank()) {
                return "Profile '" + name + "' has no " + key + ": add it next to the other key.";
            }
        }
        return null;
    }

    private String assumeRoleProblem(Profile start) {
        Set<String> seen = new HashSet<>();
        Profile p = start;
        while (true) {
            seen.add(p.name());
            Optional<String> source = p.property(ProfileProperty.SOURCE_PROFILE);
            Optional<String> credentialSource = p.property(ProfileProperty.CREDENTIAL_SOURCE);
            if (source.isPresent() && credentialSource.isPresent()) {
                return "Profile '" + p.name() + "' has both source_profile and credential_source: keep one.";
            }
            if (credentialSource.isPresent()) {
                return CREDENTIAL_SOURCES.contains(credentialSource.get()) ? null
                        : "Profile '" + p.name() + "' has credential_source = " + credentialSource.get()
                        + ", which is not one of " + String.join(", ", new TreeSet<>(CREDENTIAL_SOURCES)) + ".";
            }
            if (source.isEmpty()) {
                if (!p.properties().containsKey(ProfileProperty.ROLE_ARN)) {
                    return null; // a source profile with its own credentials
                }
                return "Profile '" + p.name() + "' has role_arn but neither source_profile nor credential_source:"
                        + " add the profile whose credentials assume the role.";
            }
            Optional<Profile> next = file.profile(source.get());
            if (next.isEmpty()) {
                return "Profile '" + start.name() + "' takes its credentials from source profile '" + source.get()
                        + "', which does not exist: add [profile " + source.get() + "] or fix source_profile.";
            }
            if (next.get().name().equals(p.name())) {
                // The SDK allows a profile to be its own source when it has keys.
                return next.get().properties().containsKey(ProfileProperty.AWS_ACCESS_KEY_ID) ? null
                        : "Profile '" + p.name() + "' is its own source_profile but has no keys.";
            }
            if (!next.get().properties().containsKey(ProfileProperty.ROLE_ARN)) {
                ProfileInfo sourceInfo = describe(next.get());
                return sourceInfo.usable() ? null : "Profile '" + start.name() + "' takes its credentials from '"
                        + source.get() + "', which cannot be used: " + sourceInfo.problem();
            }
            if (seen.contains(next.get().name())) {
                return "Profile '" + start.name() + "' has a loop of source_profile settings through '"
                        + next.get().name() + "': break the loop.";
            }
            p = next.get();
        }
    }

    private static List<String> sortedNames(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> a.equals("default") ? -1 : b.equals("default") ? 1 : a.compareTo(b));
        return sorted;
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- what callers see

    /** The parsed files, for clients that read a profile's settings. */
    public ProfileFile profileFile() {
        return file;
    }

    /** Names of the profiles in the files, sorted, "default" first. */
    public List<String> profileNames() {
        return List.copyOf(profiles.keySet());
    }

    /**
     * Every profile of the files with its kind and problem, "default" first; then the
     * environment's credentials when AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is set.
     */
    public List<ProfileInfo> profiles() {
        List<ProfileInfo> all = new ArrayList<>(profiles.values());
        environmentProfile().ifPresent(all::add);
        return Collections.unmodifiableList(all);
    }

    /** The environment's credentials as a list entry, when any are set. */
    public Optional<ProfileInfo> environmentProfile() {
        String key = env.variable("AWS_ACCESS_KEY_ID");
        String secret = env.variable("AWS_SECRET_ACCESS_KEY");
        if (key == null && secret == null) {
            return Optional.empty();
        }
        String problem = key == null ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both."
                : secret == null ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both." : null;
        return Optional.of(new ProfileInfo(ProfileInfo.ENVIRONMENT, ProfileKind.ENVIRONMENT, env.region(), null,
                problem));
    }

    /** Files that could not be read, one plain sentence each. */
    public List<String> fileProblems() {
        return fileProblems;
    }

    public Optional<ProfileInfo> find(String name) {
        if (ProfileInfo.ENVIRONMENT.equals(name)) {
            return environmentProfile();
        }
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile, if it exists and can be used; otherwise a plain sentence saying why not and what to do. */
    public ProfileInfo require(String name) {
        ProfileInfo info = find(name).orElseThrow(() -> unknownProfile(name));
        if (!info.usable()) {
            throw new LayerStudioException(info.problem(), "Fix the profile in " + env.configFile()
                    + " or choose another one.", null);
        }
        return info;
    }

    private LayerStudioException unknownProfile(String name) {
        if (ProfileInfo.ENVIRONMENT.equals(name)) {
            return new LayerStudioException("There are no credentials in the environment.",
                    "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile.", null);
        }
        String where = env.configFile() + " or " + env.credentialsFile();
        String hint = profiles.isEmpty() ? "Add it to " + env.configFile() + ", or check AWS_CONFIG_FILE."
                : "Choose one of: " + String.join(", ", profiles.keySet()) + " (check --profile and AWS_PROFILE).";
        if (!fileProblems.isEmpty()) {
            hint = fileProblems.get(0) + " " + hint;
        }
        return new LayerStudioException("There is no profile named '" + name + "' in " + where + ".", hint, null);
    }

    /** The SDK's view of a profile, for building its credentials. */
    Optional<Profile> sdkProfile(String name) {
        return file.profile(name);
    }

    /** Every SSO session: the [sso-session] sections, then the start URLs of legacy profiles. */
    public List<SsoSessionInfo> ssoSessions() {
        return List.copyOf(ssoSessions.values());
    }

    /** An SSO session by name (or, for legacy profiles, by start URL). */
    public SsoSessionInfo ssoSession(String nameOrUrl) {
        SsoSessionInfo s = ssoSessions.get(nameOrUrl);
        if (s != null) {
            return s;
        }
        for (SsoSessionInfo candidate : ssoSessions.values()) {
            if (candidate.startUrl().equals(nameOrUrl)) {
                return candidate;
            }
        }
        String problem = ssoSessionProblems.get(nameOrUrl);
        if (problem != null) {
            throw new LayerStudioException(problem, "Fix the section in " + env.configFile() + ".", null);
        }
        throw new LayerStudioException("There is no SSO session named '" + nameOrUrl + "' in " + env.configFile()
                + ".", ssoSessions.isEmpty()
                ? "Add an [sso-session NAME] section with sso_start_url and sso_region (aws configure sso does this)."
                : "Choose one of: " + String.join(", ", ssoSessions.keySet()) + ".", null);
    }

    /** The SSO session an SSO profile signs in through. */
    public SsoSessionInfo ssoSessionOf(ProfileInfo profile) {
        if (!profile.kind().isSso() || profile.ssoSession() == null) {
            throw new LayerStudioException("Profile '" + profile.name() + "' does not use IAM Identity Center (SSO).",
                    "Choose an SSO profile or name the session with --sso-session.", null);
        }
        return ssoSession(profile.ssoSession());
    }

    AwsEnvironment environment() {
        return env;
    }
}

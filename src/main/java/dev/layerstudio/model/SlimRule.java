package dev.layerstudio.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Ways to make a layer smaller. Each touches only what pip or uv installed, never the
 * user's own files, and is applied only when chosen.
 */
public enum SlimRule {
    PYCACHE("Bytecode caches", "__pycache__ folders and .pyc files", null),
    TESTS("Test suites", "tests and test folders inside installed packages", null),
    DOCS("Documentation", "doc and docs folders inside installed packages", null),
    BOTO3("boto3, botocore and s3transfer", "the AWS SDK for Python",
            "The Lambda Python runtime already includes boto3, botocore and s3transfer. AWS recommends "
                    + "bundling your own copy when your code depends on a specific version: keep them in that case.");

    private final String title;
    private final String description;
    private final String note;

    SlimRule(String title, String description, String note) {
        this.title = title;
        this.description = description;
        this.note = note;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Something the user should know before choosing this rule, or {@code null}. */
    public String note() {
        return note;
    }

    /** What {@code --slim} means: caches, tests and docs (not boto3). */
    public static Set<SlimRule> standard() {
        return EnumSet.of(PYCACHE, TESTS, DOCS);
    }
}

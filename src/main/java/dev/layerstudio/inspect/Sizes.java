package dev.layerstudio.inspect;

/** Counted nouns in messages. */
final class Sizes {

    private Sizes() {
    }

    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
